CREATE TABLE "insurance_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_hash" text NOT NULL,
	"openid" text NOT NULL,
	"verification_id" uuid NOT NULL,
	"action" text NOT NULL,
	"description" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"biz_token" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"name_masked" text NOT NULL,
	"person_ref" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure_code" text,
	"failure_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"link_expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"access_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "insurance_access_log_by_person" ON "insurance_access_log" USING btree ("id_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_verifications_biz_token" ON "insurance_verifications" USING btree ("biz_token");--> statement-breakpoint
CREATE INDEX "insurance_verifications_by_resident" ON "insurance_verifications" USING btree ("openid","created_at");