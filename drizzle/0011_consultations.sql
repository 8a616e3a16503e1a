CREATE TABLE "consultation_dispositions" (
	"consultation_id" uuid NOT NULL,
	"comment_id" text NOT NULL,
	"disposition" text,
	"explanation" text,
	"revised_text" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_dispositions_consultation_id_comment_id_pk" PRIMARY KEY("consultation_id","comment_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"from_deadline" timestamp with time zone NOT NULL,
	"to_deadline" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"extended_by" uuid NOT NULL,
	"extended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"file_id" uuid,
	"document_kind" text,
	"document_id" uuid,
	"title" text NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_participants" (
	"consultation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "consultation_participants_consultation_id_member_id_pk" PRIMARY KEY("consultation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_receipt_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_reminders" (
	"consultation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"mark_hours" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_reminders_consultation_id_member_id_mark_hours_pk" PRIMARY KEY("consultation_id","member_id","mark_hours")
);
--> statement-breakpoint
CREATE TABLE "consultation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"drafted_by" uuid,
	"submitted_by" uuid,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"is_final" boolean DEFAULT false NOT NULL,
	"signed_file_id" uuid,
	"receipt_number" text,
	"digest" char(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"background" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"silence_rule" text NOT NULL,
	"quorum_percent" integer NOT NULL,
	"majority" text NOT NULL,
	"open_ballot" boolean DEFAULT false NOT NULL,
	"launch_on" text DEFAULT 'approval' NOT NULL,
	"letter_document_id" uuid,
	"reminder_hours" integer[] NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"approver_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"launched_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"summary_document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_dispositions" ADD CONSTRAINT "consultation_dispositions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_dispositions" ADD CONSTRAINT "consultation_dispositions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_extensions" ADD CONSTRAINT "consultation_extensions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_extensions" ADD CONSTRAINT "consultation_extensions_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_reminders" ADD CONSTRAINT "consultation_reminders_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_reminders" ADD CONSTRAINT "consultation_reminders_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_signed_file_id_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_letter_document_id_documents_id_fk" FOREIGN KEY ("letter_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_summary_document_id_documents_id_fk" FOREIGN KEY ("summary_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_extensions_consultation_idx" ON "consultation_extensions" USING btree ("consultation_id","extended_at");--> statement-breakpoint
CREATE INDEX "consultation_materials_consultation_idx" ON "consultation_materials" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "consultation_materials_file_idx" ON "consultation_materials" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "consultation_participants_member_idx" ON "consultation_participants" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_responses_member_key" ON "consultation_responses" USING btree ("consultation_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_responses_member_idx" ON "consultation_responses" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_responses_receipt_key" ON "consultation_responses" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "consultations_org_created_idx" ON "consultations" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "consultations_creator_idx" ON "consultations" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "consultations_approver_idx" ON "consultations" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "consultations_open_deadline_idx" ON "consultations" USING btree ("deadline") WHERE "consultations"."state" = 'open';--> statement-breakpoint
CREATE INDEX "consultations_letter_idx" ON "consultations" USING btree ("letter_document_id");