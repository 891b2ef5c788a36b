CREATE TYPE "public"."change_kind" AS ENUM('improvement', 'plan-item', 'lever');--> statement-breakpoint
CREATE TABLE "impact_results" (
	"organization_id" uuid NOT NULL,
	"change_kind" "change_kind" NOT NULL,
	"change_id" uuid NOT NULL,
	"window_start" date,
	"window_end" date,
	"stale" boolean DEFAULT true NOT NULL,
	"stale_since" timestamp with time zone DEFAULT now(),
	"card" jsonb,
	"computed_at" timestamp with time zone,
	CONSTRAINT "impact_results_organization_id_change_kind_change_id_pk" PRIMARY KEY("organization_id","change_kind","change_id")
);
--> statement-breakpoint
CREATE TABLE "impact_verdicts" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"change_kind" "change_kind" NOT NULL,
	"change_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"verdict" text NOT NULL,
	"previous_verdict" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_verdicts_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "impact_baseline_weeks" smallint DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "impact_washout_weeks" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "impact_after_weeks" smallint DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "impact_thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "effective_date" date;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "metric" "target_metric";--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "direction" "metric_direction";--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT ARRAY['ingest']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "impact_results" ADD CONSTRAINT "impact_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_verdicts" ADD CONSTRAINT "impact_verdicts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_results_org_window_idx" ON "impact_results" USING btree ("organization_id","window_start","window_end");--> statement-breakpoint
CREATE INDEX "impact_results_stale_idx" ON "impact_results" USING btree ("organization_id","stale_since") WHERE "impact_results"."stale";--> statement-breakpoint
CREATE INDEX "impact_verdicts_org_changed_idx" ON "impact_verdicts" USING btree ("organization_id","changed_at");--> statement-breakpoint
CREATE INDEX "impact_verdicts_org_change_idx" ON "impact_verdicts" USING btree ("organization_id","change_kind","change_id");--> statement-breakpoint
UPDATE "plan_items" AS p SET "effective_date" = (p."completed_at" AT TIME ZONE o."time_zone")::date
  FROM "organizations" AS o
  WHERE o."id" = p."organization_id" AND p."status" = 'done' AND p."completed_at" IS NOT NULL;--> statement-breakpoint
UPDATE "plan_items" AS p SET "metric" = t."metric",
    "direction" = (CASE WHEN t."metric" = 'ttr' THEN 'down' ELSE 'up' END)::"metric_direction"
  FROM "goal_targets" AS t
  WHERE t."organization_id" = p."organization_id" AND t."id" = p."serves_target_id" AND p."metric" IS NULL;
