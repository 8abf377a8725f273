CREATE TABLE "subscribe_grants" (
	"openid" text NOT NULL,
	"template_id" text NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subscribe_grants_openid_template_id_pk" PRIMARY KEY("openid","template_id"),
	CONSTRAINT "subscribe_grants_granted_not_negative" CHECK ("subscribe_grants"."granted" >= 0)
);
