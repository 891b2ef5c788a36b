CREATE TYPE "public"."idea_event_kind" AS ENUM('submitted', 'edited', 'status', 'merged', 'merged_from');--> statement-breakpoint
CREATE TYPE "public"."idea_status" AS ENUM('new', 'under_review', 'accepted', 'declined', 'in_progress', 'shipped', 'withdrawn', 'merged');--> statement-breakpoint
CREATE TABLE "idea_comments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"moved_from_idea_id" uuid,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "idea_comments_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "idea_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"kind" "idea_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"from_status" "idea_status",
	"to_status" "idea_status",
	"reply" text,
	"other_idea_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "idea_votes" (
	"organization_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_votes_organization_id_idea_id_user_id_pk" PRIMARY KEY("organization_id","idea_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"today_text" text DEFAULT '' NOT NULL,
	"change_text" text DEFAULT '' NOT NULL,
	"department_id" uuid NOT NULL,
	"touchpoint_id" uuid,
	"author_user_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"status" "idea_status" DEFAULT 'new' NOT NULL,
	"merged_into_id" uuid,
	"votes" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"words" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(today_text, '') || ' ' || coalesce(change_text, ''))) STORED,
	CONSTRAINT "ideas_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"following" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_organization_id_user_id_subject_type_subject_id_pk" PRIMARY KEY("organization_id","user_id","subject_type","subject_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"actor_user_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"mailed_at" timestamp with time zone,
	CONSTRAINT "notifications_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "daily_mail" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "daily_mail_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "source_idea_id" uuid;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD COLUMN "source_idea_id" uuid;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_idea_fk" FOREIGN KEY ("organization_id","idea_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_idea_fk" FOREIGN KEY ("organization_id","idea_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_idea_fk" FOREIGN KEY ("organization_id","idea_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_member_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_department_fk" FOREIGN KEY ("organization_id","department_id") REFERENCES "public"."departments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_merged_into_fk" FOREIGN KEY ("organization_id","merged_into_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_member_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_member_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_comments_org_idea_idx" ON "idea_comments" USING btree ("organization_id","idea_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_events_org_idea_idx" ON "idea_events" USING btree ("organization_id","idea_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_votes_org_user_idx" ON "idea_votes" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "ideas_org_votes_idx" ON "ideas" USING btree ("organization_id","votes" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "ideas_org_created_idx" ON "ideas" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "ideas_org_active_idx" ON "ideas" USING btree ("organization_id","active_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "ideas_org_status_idx" ON "ideas" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "ideas_org_author_idx" ON "ideas" USING btree ("organization_id","author_user_id");--> statement-breakpoint
CREATE INDEX "ideas_words_idx" ON "ideas" USING gin ("words");--> statement-breakpoint
CREATE INDEX "follows_org_subject_idx" ON "follows" USING btree ("organization_id","subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_per_event_key" ON "notifications" USING btree ("organization_id","user_id","event_key");--> statement-breakpoint
CREATE INDEX "notifications_org_user_created_idx" ON "notifications" USING btree ("organization_id","user_id","created_at");--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_idea_fk" FOREIGN KEY ("organization_id","source_idea_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_improvements" ADD CONSTRAINT "weekly_improvements_idea_fk" FOREIGN KEY ("organization_id","source_idea_id") REFERENCES "public"."ideas"("organization_id","id") ON DELETE no action ON UPDATE no action;