CREATE TABLE "bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"provider_id" text NOT NULL,
	"kind" text NOT NULL,
	"account_no" text NOT NULL,
	"label" text,
	"holder_name" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"openid" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"binding_id" uuid,
	"provider_id" text NOT NULL,
	"account_no" text NOT NULL,
	"bill_id" text NOT NULL,
	"period" text NOT NULL,
	"amount" integer NOT NULL,
	"late_fee" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payment" jsonb,
	"transaction_id" text,
	"department_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"amount" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "bindings_one_live_per_account" ON "bindings" USING btree ("openid","provider_id","account_no") WHERE "bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "bindings_by_resident" ON "bindings" USING btree ("openid");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency" ON "orders" USING btree ("openid","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_live_per_bill" ON "orders" USING btree ("provider_id","bill_id") WHERE "orders"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "orders_by_resident" ON "orders" USING btree ("openid","created_at");--> statement-breakpoint
CREATE INDEX "orders_pending_expiry" ON "orders" USING btree ("status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_once_per_order" ON "outbox" USING btree ("order_id","kind");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");