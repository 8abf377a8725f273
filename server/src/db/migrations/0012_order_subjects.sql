-- The orders table serves every payable kind (bills, top-ups, fines): its columns say what they
-- hold for each. Renamed in place, so every row, index (orders_one_live_per_bill follows the
-- column) and the order_lines trigger (it reads only id and status) stay as they are.
ALTER TABLE "orders" RENAME COLUMN "account_no" TO "account_ref";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "bill_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "period" TO "subject_label";
