CREATE TABLE "bill_reminders" (
	"binding_id" uuid NOT NULL,
	"bill_id" text NOT NULL,
	"rule" text NOT NULL,
	"openid" text NOT NULL,
	"late_fee" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bill_reminders_binding_id_bill_id_rule_pk" PRIMARY KEY("binding_id","bill_id","rule")
);
--> statement-breakpoint
ALTER TABLE "bindings" ADD COLUMN "due_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "until" text DEFAULT 'opens' NOT NULL;