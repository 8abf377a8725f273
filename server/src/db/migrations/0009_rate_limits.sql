CREATE TABLE "rate_limits" (
	"caller" text NOT NULL,
	"name" text NOT NULL,
	"hits" timestamp with time zone[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_caller_name_pk" PRIMARY KEY("caller","name")
);
--> statement-breakpoint
-- What the limits counted before this table, still inside their windows, moves over: the limits
-- hold across the deploy. bind_attempts is no longer written; it stays until a later migration
-- so that instances of the previous release keep working while the new one rolls out.
INSERT INTO "rate_limits" ("caller", "name", "hits", "updated_at")
SELECT "openid", 'bills.bind.failed', array_agg("created_at" ORDER BY "created_at"), now()
FROM "bind_attempts"
WHERE "outcome" IN ('pending', 'failed') AND "created_at" > now() - interval '10 minutes'
GROUP BY "openid";--> statement-breakpoint
INSERT INTO "rate_limits" ("caller", "name", "hits", "updated_at")
SELECT "openid", 'insurance.verify.started', array_agg("created_at" ORDER BY "created_at"), now()
FROM "insurance_verifications"
WHERE "created_at" > now() - interval '1 hour'
GROUP BY "openid";--> statement-breakpoint
INSERT INTO "rate_limits" ("caller", "name", "hits", "updated_at")
SELECT "openid", 'insurance.verify.failed', array_agg("at" ORDER BY "at"), now()
FROM (
  SELECT "openid", "decided_at" AS "at" FROM "insurance_verifications" WHERE "status" = 'failed' AND "decided_at" > now() - interval '1 hour'
  UNION ALL
  SELECT "openid", "created_at" AS "at" FROM "insurance_verifications" WHERE "status" = 'pending' AND "created_at" > now() - interval '1 hour'
) AS "counted"
GROUP BY "openid";
