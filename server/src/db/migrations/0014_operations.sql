CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"operator_id" text NOT NULL,
	"operator_name" text NOT NULL,
	"role" text NOT NULL,
	"department_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "department_health" (
	"department_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"last_probe_at" timestamp with time zone NOT NULL,
	"monitored_since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"cause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_days" (
	"department_id" text NOT NULL,
	"day" text NOT NULL,
	"probes" integer DEFAULT 0 NOT NULL,
	"up" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "health_days_department_id_day_pk" PRIMARY KEY("department_id","day")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"service_ids" text[] NOT NULL,
	"department_ids" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"reason" text NOT NULL,
	"still_works" text,
	"alternative" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	CONSTRAINT "notices_kind" CHECK ("notices"."kind" IN ('maintenance', 'incident', 'notice')),
	CONSTRAINT "notices_window" CHECK ("notices"."ends_at" IS NULL OR "notices"."ends_at" > "notices"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "operator_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"via" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"department_id" text,
	"wecom_userid" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "operators_role" CHECK ("operators"."role" IN ('city_admin', 'department_operator', 'auditor')),
	CONSTRAINT "operators_department" CHECK (("operators"."role" = 'department_operator') = ("operators"."department_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "reconciliation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"order_id" text,
	"transaction_id" text,
	"department_id" text,
	"wechat_amount" integer,
	"ledger_amount" integer,
	"posted_amount" integer,
	"detail" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"day" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"summary" jsonb,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "schedule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"effective_from" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	CONSTRAINT "schedule_versions_date" CHECK ("schedule_versions"."effective_from" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE INDEX "audit_log_by_time" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_by_operator" ON "audit_log" USING btree ("operator_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "department_outages_one_open" ON "department_outages" USING btree ("department_id") WHERE "department_outages"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "department_outages_by_time" ON "department_outages" USING btree ("department_id","started_at");--> statement-breakpoint
CREATE INDEX "notices_by_start" ON "notices" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "operator_sessions_by_operator" ON "operator_sessions" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operators_wecom_userid" ON "operators" USING btree ("wecom_userid");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_items_once" ON "reconciliation_items" USING btree ("day","key");--> statement-breakpoint
CREATE INDEX "reconciliation_items_open" ON "reconciliation_items" USING btree ("status","day");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_versions_one_per_day" ON "schedule_versions" USING btree ("service_id","effective_from") WHERE "schedule_versions"."withdrawn_at" IS NULL;--> statement-breakpoint
-- The audit log is append-only in the database itself: whatever code runs, no row is rewritten or removed.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
