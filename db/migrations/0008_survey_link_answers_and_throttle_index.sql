DROP INDEX "survey_responses_org_external_key";--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "survey_link_id" uuid;--> statement-breakpoint
-- Answers already taken by a survey link move into that link's namespace (one link per touchpoint and metric).
UPDATE "survey_responses" AS r SET "survey_link_id" = l."id"
FROM "survey_links" AS l
WHERE r."source" = 'survey' AND l."organization_id" = r."organization_id" AND l."touchpoint_id" = r."touchpoint_id" AND l."metric" = r."metric";--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_link_fk" FOREIGN KEY ("organization_id","survey_link_id") REFERENCES "public"."survey_links"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_throttles_window_started_idx" ON "sign_in_throttles" USING btree ("window_started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_org_link_external_key" ON "survey_responses" USING btree ("organization_id","survey_link_id","external_id") WHERE "survey_responses"."survey_link_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_org_external_key" ON "survey_responses" USING btree ("organization_id","external_id") WHERE "survey_responses"."survey_link_id" IS NULL;