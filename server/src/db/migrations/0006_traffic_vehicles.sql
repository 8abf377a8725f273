CREATE TABLE "vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"openid" text NOT NULL,
	"plate" text NOT NULL,
	"plate_kind" text NOT NULL,
	"engine_no_suffix" text NOT NULL,
	"vehicle_type" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_one_live_per_plate" ON "vehicles" USING btree ("openid","plate","plate_kind") WHERE "vehicles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "vehicles_by_resident" ON "vehicles" USING btree ("openid");