CREATE TABLE "family_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"holder_openid" text NOT NULL,
	"helper_openid" text NOT NULL,
	"fn" text NOT NULL,
	"action" text NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"holder_openid" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"holder_label" text NOT NULL,
	"consent_verification_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "family_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invite_id" uuid NOT NULL,
	"holder_openid" text NOT NULL,
	"helper_openid" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"consent_verification_id" uuid,
	"holder_label" text NOT NULL,
	"helper_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payer_openid" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "family_link_id" uuid;--> statement-breakpoint
CREATE INDEX "family_actions_by_holder" ON "family_actions" USING btree ("holder_openid","at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_invites_code" ON "family_invites" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "family_invites_by_holder" ON "family_invites" USING btree ("holder_openid","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_links_one_per_invite" ON "family_links" USING btree ("invite_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_links_one_live_per_pair" ON "family_links" USING btree ("holder_openid","helper_openid") WHERE "family_links"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "family_links_by_holder" ON "family_links" USING btree ("holder_openid");--> statement-breakpoint
CREATE INDEX "family_links_by_helper" ON "family_links" USING btree ("helper_openid");--> statement-breakpoint
CREATE INDEX "orders_by_payer" ON "orders" USING btree ("payer_openid","created_at") WHERE "orders"."payer_openid" IS NOT NULL;