CREATE TABLE "account_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"event" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"confirms" bigint,
	CONSTRAINT "account_audit_event" CHECK ("account_audit"."event" IN ('export', 'delete_requested', 'deleted'))
);
--> statement-breakpoint
CREATE INDEX "account_audit_by_subject" ON "account_audit" USING btree ("subject","at");--> statement-breakpoint
CREATE UNIQUE INDEX "account_audit_token" ON "account_audit" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "account_audit_one_deletion_per_plan" ON "account_audit" USING btree ("confirms");--> statement-breakpoint
-- The account audit outlives the deletions it records: no row is rewritten, and one is removed
-- only once it is past its retention (3 years), whatever code runs.
CREATE FUNCTION account_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."at" < now() - interval '3 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'account_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER account_audit_no_rewrite BEFORE UPDATE OR DELETE ON "account_audit" FOR EACH ROW EXECUTE FUNCTION account_audit_append_only();--> statement-breakpoint
CREATE TRIGGER account_audit_no_truncate BEFORE TRUNCATE ON "account_audit" FOR EACH STATEMENT EXECUTE FUNCTION account_audit_append_only();
