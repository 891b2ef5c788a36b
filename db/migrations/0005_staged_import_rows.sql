CREATE TABLE "staged_responses" (
	"organization_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"metric" "response_metric" NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"responded_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"external_id" text,
	"persona" text,
	"channel" text,
	CONSTRAINT "staged_responses_organization_id_import_id_row_number_pk" PRIMARY KEY("organization_id","import_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "response_imports" ADD COLUMN "completed_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "staged_responses" ADD CONSTRAINT "staged_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staged_responses" ADD CONSTRAINT "staged_responses_import_fk" FOREIGN KEY ("organization_id","import_id") REFERENCES "public"."response_imports"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staged_responses" ADD CONSTRAINT "staged_responses_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Imports stored before staging existed were complete when they were created.
UPDATE "response_imports" SET "completed_at" = "created_at";