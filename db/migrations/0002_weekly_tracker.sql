CREATE TYPE "public"."improvement_source" AS ENUM('idea', 'plan_item', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."metric_direction" AS ENUM('up', 'down');--> statement-breakpoint
CREATE TABLE "weekly_improvement_touchpoints" (
	"organization_id" uuid NOT NULL,
	"improvement_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	CONSTRAINT "weekly_improvement_touchpoints_organization_id_improvement_id_touchpoint_id_pk" PRIMARY KEY("organization_id","improvement_id","touchpoint_id")
);
--> statement-breakpoint
CREATE TABLE "weekly_improvements" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"title" text NOT NULL,
	"process" text DEFAULT '' NOT NULL,
	"before_text" text DEFAULT '' NOT NULL,
	"after_text" text DEFAULT '' NOT NULL,
	"metric" "target_metric",
	"business_metric" text,
	"direction" "metric_direction",
	"source" "improvement_source",
	"source_plan_item_id" uuid,
	"source_note" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"effective_date" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_improvements_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "reminder_weekday" smallint DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "weekly_improvement_touchpoints" ADD CONSTRAINT "weekly_improvement_touchpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvement_touchpoints" ADD CONSTRAINT "weekly_improvement_touchpoints_improvement_fk" FOREIGN KEY ("organization_id","improvement_id") REFERENCES "public"."weekly_improvements"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvement_touchpoints" ADD CONSTRAINT "weekly_improvement_touchpoints_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE SET NULL ("owner_user_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_plan_item_fk" FOREIGN KEY ("organization_id","source_plan_item_id") REFERENCES "public"."plan_items"("organization_id","id") ON DELETE SET NULL ("source_plan_item_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "weekly_improvement_touchpoints_org_touchpoint_idx" ON "weekly_improvement_touchpoints" USING btree ("organization_id","touchpoint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_improvements_one_per_area_week_key" ON "weekly_improvements" USING btree ("organization_id","department_id","week_start");--> statement-breakpoint
CREATE INDEX "weekly_improvements_org_week_idx" ON "weekly_improvements" USING btree ("organization_id","week_start");