CREATE TABLE "eligibility_reminders" (
	"openid" text NOT NULL,
	"due_by" text NOT NULL,
	"threshold" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eligibility_reminders_openid_due_by_threshold_pk" PRIMARY KEY("openid","due_by","threshold")
);
--> statement-breakpoint
CREATE TABLE "pension_eligibility" (
	"openid" text PRIMARY KEY NOT NULL,
	"person_ref" text NOT NULL,
	"verification_id" uuid NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"last_checked_on" text,
	"last_checked_by" text,
	"bureau_suspended" boolean DEFAULT false NOT NULL,
	"read_at" timestamp with time zone,
	"next_check_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pension_eligibility_due" ON "pension_eligibility" USING btree ("next_check_at");