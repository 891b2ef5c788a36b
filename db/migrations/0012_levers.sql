CREATE TYPE "public"."lever_kind" AS ENUM('accelerator', 'blocker');--> statement-breakpoint
CREATE TYPE "public"."lever_state" AS ENUM('planned', 'in-place', 'open', 'removed');--> statement-breakpoint
CREATE TABLE "lever_touchpoints" (
	"organization_id" uuid NOT NULL,
	"lever_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	CONSTRAINT "lever_touchpoints_organization_id_lever_id_touchpoint_id_pk" PRIMARY KEY("organization_id","lever_id","touchpoint_id")
);
--> statement-breakpoint
CREATE TABLE "levers" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "lever_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"department_id" uuid NOT NULL,
	"metric" "target_metric" NOT NULL,
	"direction" "metric_direction" NOT NULL,
	"state" "lever_state" NOT NULL,
	"known_since" date,
	"effective_date" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "levers_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "levers_kind_state_check" CHECK (("levers"."kind" = 'accelerator' AND "levers"."state" IN ('planned', 'in-place')) OR ("levers"."kind" = 'blocker' AND "levers"."state" IN ('open', 'removed'))),
	CONSTRAINT "levers_effective_date_check" CHECK (("levers"."effective_date" IS NOT NULL) = ("levers"."state" IN ('in-place', 'removed'))),
	CONSTRAINT "levers_name_check" CHECK (char_length("levers"."name") BETWEEN 3 AND 120),
	CONSTRAINT "levers_description_check" CHECK (char_length("levers"."description") <= 4000),
	CONSTRAINT "levers_metric_check" CHECK ("levers"."metric" <> 'business')
);
--> statement-breakpoint
ALTER TABLE "lever_touchpoints" ADD CONSTRAINT "lever_touchpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lever_touchpoints" ADD CONSTRAINT "lever_touchpoints_lever_fk" FOREIGN KEY ("organization_id","lever_id") REFERENCES "public"."levers"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lever_touchpoints" ADD CONSTRAINT "lever_touchpoints_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levers" ADD CONSTRAINT "levers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levers" ADD CONSTRAINT "levers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levers" ADD CONSTRAINT "levers_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lever_touchpoints_org_touchpoint_idx" ON "lever_touchpoints" USING btree ("organization_id","touchpoint_id");--> statement-breakpoint
CREATE INDEX "levers_org_department_idx" ON "levers" USING btree ("organization_id","department_id");--> statement-breakpoint
CREATE INDEX "levers_org_effective_idx" ON "levers" USING btree ("organization_id","effective_date");