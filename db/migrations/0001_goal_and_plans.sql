-- Composite foreign keys set only their own column to NULL on delete (PostgreSQL 15+), never organization_id.
CREATE TYPE "public"."goal_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('nps', 'csat', 'ces', 'nev', 'ttr', 'business');--> statement-breakpoint
CREATE TYPE "public"."plan_item_status" AS ENUM('planned', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."plan_request_kind" AS ENUM('ripple', 'promise');--> statement-breakpoint
CREATE TYPE "public"."plan_request_status" AS ENUM('pending', 'acknowledged', 'concern');--> statement-breakpoint
CREATE TABLE "goal_reads" (
	"organization_id" uuid NOT NULL,
	"goal_version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_reads_organization_id_goal_version_id_user_id_pk" PRIMARY KEY("organization_id","goal_version_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "goal_targets" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"metric" "target_metric" NOT NULL,
	"business_metric" text,
	"touchpoint_id" uuid,
	"target_value" numeric(12, 2) NOT NULL,
	"due_date" date NOT NULL,
	CONSTRAINT "goal_targets_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_versions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "goal_status" NOT NULL,
	"version" integer,
	"statement" text DEFAULT '' NOT NULL,
	"why_service" text DEFAULT '' NOT NULL,
	"atmosphere" text DEFAULT '' NOT NULL,
	"commitments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"day_to_day" text DEFAULT '' NOT NULL,
	"author_user_id" uuid,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_versions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_item_touchpoints" (
	"organization_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	CONSTRAINT "plan_item_touchpoints_organization_id_plan_item_id_touchpoint_id_pk" PRIMARY KEY("organization_id","plan_item_id","touchpoint_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"due_date" date,
	"status" "plan_item_status" DEFAULT 'planned' NOT NULL,
	"drop_reason" text,
	"quick_win" boolean DEFAULT false NOT NULL,
	"investment" numeric(14, 2),
	"expected_outcome" text DEFAULT '' NOT NULL,
	"changes_promise" boolean DEFAULT false NOT NULL,
	"serves_commitment" text,
	"serves_target_id" uuid,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_items_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_requests" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" "plan_request_kind" NOT NULL,
	"status" "plan_request_status" DEFAULT 'pending' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_requests_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "owns_promises" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_reads" ADD CONSTRAINT "goal_reads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reads" ADD CONSTRAINT "goal_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reads" ADD CONSTRAINT "goal_reads_version_fk" FOREIGN KEY ("organization_id","goal_version_id") REFERENCES "public"."goal_versions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_targets" ADD CONSTRAINT "goal_targets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_targets" ADD CONSTRAINT "goal_targets_version_fk" FOREIGN KEY ("organization_id","goal_version_id") REFERENCES "public"."goal_versions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_targets" ADD CONSTRAINT "goal_targets_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_versions" ADD CONSTRAINT "goal_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_versions" ADD CONSTRAINT "goal_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_touchpoints" ADD CONSTRAINT "plan_item_touchpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_touchpoints" ADD CONSTRAINT "plan_item_touchpoints_item_fk" FOREIGN KEY ("organization_id","plan_item_id") REFERENCES "public"."plan_items"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_touchpoints" ADD CONSTRAINT "plan_item_touchpoints_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_owner_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE SET NULL ("owner_user_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_target_fk" FOREIGN KEY ("organization_id","serves_target_id") REFERENCES "public"."goal_targets"("organization_id","id") ON DELETE SET NULL ("serves_target_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_requests" ADD CONSTRAINT "plan_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_requests" ADD CONSTRAINT "plan_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_requests" ADD CONSTRAINT "plan_requests_item_fk" FOREIGN KEY ("organization_id","plan_item_id") REFERENCES "public"."plan_items"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_requests" ADD CONSTRAINT "plan_requests_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_targets_org_version_idx" ON "goal_targets" USING btree ("organization_id","goal_version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_versions_org_version_key" ON "goal_versions" USING btree ("organization_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_versions_org_draft_key" ON "goal_versions" USING btree ("organization_id") WHERE "goal_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "plan_item_touchpoints_org_touchpoint_idx" ON "plan_item_touchpoints" USING btree ("organization_id","touchpoint_id");--> statement-breakpoint
CREATE INDEX "plan_items_org_department_idx" ON "plan_items" USING btree ("organization_id","department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_requests_org_item_department_kind_key" ON "plan_requests" USING btree ("organization_id","plan_item_id","department_id","kind");--> statement-breakpoint
CREATE INDEX "plan_requests_org_department_status_idx" ON "plan_requests" USING btree ("organization_id","department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_org_promise_owner_key" ON "departments" USING btree ("organization_id") WHERE "departments"."owns_promises";