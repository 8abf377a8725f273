ALTER TABLE "insurance_verifications" ADD COLUMN "method" text DEFAULT 'faceid' NOT NULL;--> statement-breakpoint
ALTER TABLE "insurance_verifications" ADD COLUMN "provider_secret" text;