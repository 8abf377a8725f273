CREATE TABLE "ticket_events" (
	"seq" integer PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"department" text,
	"text" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sync" (
	"id" text PRIMARY KEY NOT NULL,
	"cursor" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"place" jsonb,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"video" text,
	"contact_phone" text,
	"public" boolean NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"ticket_no" text,
	"department" text,
	"filed_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reply_round" integer DEFAULT 0 NOT NULL,
	"reopened_round" integer DEFAULT 0 NOT NULL,
	"rated_round" integer DEFAULT 0 NOT NULL,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"last_event_seq" integer DEFAULT 0 NOT NULL,
	"media_trace_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "ticket_events_by_ticket" ON "ticket_events" USING btree ("ticket_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_request" ON "tickets" USING btree ("openid","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_ticket_no" ON "tickets" USING btree ("ticket_no");--> statement-breakpoint
CREATE INDEX "tickets_by_resident" ON "tickets" USING btree ("openid","filed_at");--> statement-breakpoint
CREATE INDEX "tickets_pending" ON "tickets" USING btree ("status","next_attempt_at");