CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"path" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"service_id" text NOT NULL,
	"remind_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_dedupe" ON "messages" USING btree ("openid","dedupe_key");--> statement-breakpoint
CREATE INDEX "messages_by_resident" ON "messages" USING btree ("openid","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_one_pending_per_service" ON "reminders" USING btree ("openid","service_id") WHERE "reminders"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reminders_due" ON "reminders" USING btree ("status","remind_at");