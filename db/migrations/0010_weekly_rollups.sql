CREATE SEQUENCE "public"."metric_weekly_rollups_version" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "metric_weekly_rollups" (
	"organization_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"metric" "response_metric" NOT NULL,
	"week_start" date NOT NULL,
	"answers" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"personas" jsonb NOT NULL,
	"version" bigint DEFAULT nextval('metric_weekly_rollups_version') NOT NULL,
	CONSTRAINT "metric_weekly_rollups_organization_id_touchpoint_id_metric_week_start_pk" PRIMARY KEY("organization_id","touchpoint_id","metric","week_start")
);
--> statement-breakpoint
ALTER TABLE "metric_weekly_rollups" ADD CONSTRAINT "metric_weekly_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_weekly_rollups" ADD CONSTRAINT "metric_weekly_rollups_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "metric_weekly_rollups" ("organization_id", "touchpoint_id", "metric", "week_start", "answers", "counts", "channels", "personas")
SELECT s.organization_id, s.touchpoint_id, s.metric, s.week_start, s.answers, s.counts, c.channels, p.personas
FROM (
  SELECT organization_id, touchpoint_id, metric, week_start, sum(n)::int AS answers, jsonb_object_agg(k, n) AS counts
  FROM (
    SELECT a.organization_id, a.touchpoint_id, a.metric, (a.day - ((extract(isodow FROM a.day)::int - o.week_starts_on::int + 7) % 7))::date AS week_start, a.score::text AS k, count(*) AS n
    FROM "survey_responses" a JOIN "organizations" o ON o.id = a.organization_id GROUP BY 1, 2, 3, 4, 5
  ) AS grouped GROUP BY 1, 2, 3, 4
) AS s
JOIN (
  SELECT organization_id, touchpoint_id, metric, week_start, jsonb_object_agg(k, n) AS channels
  FROM (
    SELECT a.organization_id, a.touchpoint_id, a.metric, (a.day - ((extract(isodow FROM a.day)::int - o.week_starts_on::int + 7) % 7))::date AS week_start, coalesce(a.channel, '') AS k, count(*) AS n
    FROM "survey_responses" a JOIN "organizations" o ON o.id = a.organization_id GROUP BY 1, 2, 3, 4, 5
  ) AS grouped GROUP BY 1, 2, 3, 4
) AS c USING (organization_id, touchpoint_id, metric, week_start)
JOIN (
  SELECT organization_id, touchpoint_id, metric, week_start, jsonb_object_agg(k, n) AS personas
  FROM (
    SELECT a.organization_id, a.touchpoint_id, a.metric, (a.day - ((extract(isodow FROM a.day)::int - o.week_starts_on::int + 7) % 7))::date AS week_start, coalesce(a.persona, '') AS k, count(*) AS n
    FROM "survey_responses" a JOIN "organizations" o ON o.id = a.organization_id GROUP BY 1, 2, 3, 4, 5
  ) AS grouped GROUP BY 1, 2, 3, 4
) AS p USING (organization_id, touchpoint_id, metric, week_start);
