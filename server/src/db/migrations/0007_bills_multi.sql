CREATE TABLE "order_lines" (
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"provider_id" text NOT NULL,
	"bill_id" text NOT NULL,
	"period" text NOT NULL,
	"amount" integer NOT NULL,
	"late_fee" integer NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"department_ref" text,
	"posted_at" timestamp with time zone,
	CONSTRAINT "order_lines_order_id_line_no_pk" PRIMARY KEY("order_id","line_no")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_bill_once_per_order" ON "order_lines" USING btree ("order_id","bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_one_live_per_bill" ON "order_lines" USING btree ("provider_id","bill_id") WHERE "order_lines"."live";--> statement-breakpoint
-- Every utility order placed before order lines existed paid one bill: it becomes its one line.
INSERT INTO "order_lines" ("order_id", "line_no", "provider_id", "bill_id", "period", "amount", "late_fee", "live", "department_ref", "posted_at")
SELECT "id", 1, "provider_id", "bill_id", "period", "amount", "late_fee", "status" NOT IN ('closed', 'refund_pending', 'refunded'), "department_ref", "settled_at"
FROM "orders" WHERE "kind" = 'utility';--> statement-breakpoint
-- A line is live exactly while its order is: the one-live-order-per-bill index then guards every
-- bill of a multi-bill order, including when a closed order becomes paid again (a late payment).
CREATE FUNCTION order_lines_follow_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "order_lines" SET "live" = NEW."status" NOT IN ('closed', 'refund_pending', 'refunded') WHERE "order_id" = NEW."id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orders_status_to_lines AFTER UPDATE OF "status" ON "orders" FOR EACH ROW
WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION order_lines_follow_order();
