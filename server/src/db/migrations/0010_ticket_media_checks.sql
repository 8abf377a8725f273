CREATE TABLE "ticket_media_checks" (
	"trace_id" text PRIMARY KEY NOT NULL,
	"ticket_id" uuid,
	"file_id" text,
	"openid" text,
	"submitted_at" timestamp with time zone,
	"suggest" text,
	"label" integer,
	"errcode" integer,
	"verdict_at" timestamp with time zone,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"resident_told_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "filed_photos" jsonb;--> statement-breakpoint
CREATE INDEX "ticket_media_checks_open" ON "ticket_media_checks" USING btree ("suggest","outcome");--> statement-breakpoint
CREATE INDEX "ticket_media_checks_by_ticket" ON "ticket_media_checks" USING btree ("ticket_id");