CREATE TABLE "plan_item_affected_departments" (
	"organization_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "plan_item_affected_departments_organization_id_plan_item_id_department_id_pk" PRIMARY KEY("organization_id","plan_item_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "plan_item_affected_departments" ADD CONSTRAINT "plan_item_affected_departments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_affected_departments" ADD CONSTRAINT "plan_item_affected_departments_item_fk" FOREIGN KEY ("organization_id","plan_item_id") REFERENCES "public"."plan_items"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_affected_departments" ADD CONSTRAINT "plan_item_affected_departments_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;