CREATE TABLE "approval_chains" (
	"document_type" text PRIMARY KEY NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"state" text NOT NULL,
	"version_id" uuid,
	"comment" text,
	"decided_by" uuid,
	"decided_for" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"from_document_id" uuid NOT NULL,
	"to_document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_links_from_document_id_to_document_id_kind_pk" PRIMARY KEY("from_document_id","to_document_id","kind")
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_file_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"signing_key_id" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_for" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"certificate_subject" text NOT NULL,
	"certificate_serial" text NOT NULL,
	"certificate_fingerprint" text NOT NULL,
	"signing_time" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"principal_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"pdf_file_id" uuid,
	"conversion_status" text NOT NULL,
	"conversion_error" text,
	"text_status" text DEFAULT 'pending' NOT NULL,
	"extracted_text" text,
	"note" text,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_details" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"drafter_id" uuid NOT NULL,
	"drafter_unit_id" uuid,
	"signer_id" uuid NOT NULL,
	"current_version_id" uuid,
	"current_step_id" uuid,
	"signed_file_id" uuid,
	"issued_file_id" uuid,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"recalled_at" timestamp with time zone,
	"recall_reason" text,
	"last_format_check" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" text NOT NULL,
	"source_file_id" uuid,
	"is_signed" boolean DEFAULT false NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"user_id" uuid,
	"organization_id" uuid,
	"email" text,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"delivery_state" text,
	"delivery_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"incoming_document_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_number_log" (
	"register_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"document_id" uuid NOT NULL,
	"number_and_notation" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "register_number_log_register_id_year_number_pk" PRIMARY KEY("register_id","year","number")
);
--> statement-breakpoint
CREATE TABLE "signature_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid,
	"sha256" char(64) NOT NULL,
	"filename" text NOT NULL,
	"verified_by" uuid,
	"is_signed" boolean NOT NULL,
	"is_valid" boolean NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"p12" "bytea" NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"certificate" jsonb NOT NULL,
	"image_png" "bytea",
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_pin_failures" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submission_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"step_id" uuid,
	"leader_id" uuid NOT NULL,
	"proposal" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_by" uuid,
	"decided_for" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trusted_roots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"certificate" jsonb NOT NULL,
	"fingerprint" char(64) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_roots_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
ALTER TABLE "approval_chains" ADD CONSTRAINT "approval_chains_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_decided_for_users_id_fk" FOREIGN KEY ("decided_for") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_from_document_id_documents_id_fk" FOREIGN KEY ("from_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_to_document_id_documents_id_fk" FOREIGN KEY ("to_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_source_file_id_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signing_key_id_signing_keys_id_fk" FOREIGN KEY ("signing_key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_signed_for_users_id_fk" FOREIGN KEY ("signed_for") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_version_id_draft_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."draft_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_principal_id_users_id_fk" FOREIGN KEY ("principal_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_pdf_file_id_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_drafter_id_users_id_fk" FOREIGN KEY ("drafter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_drafter_unit_id_units_id_fk" FOREIGN KEY ("drafter_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_signed_file_id_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_issued_file_id_files_id_fk" FOREIGN KEY ("issued_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_details" ADD CONSTRAINT "outgoing_details_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD CONSTRAINT "outgoing_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD CONSTRAINT "outgoing_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD CONSTRAINT "outgoing_files_source_file_id_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD CONSTRAINT "outgoing_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_incoming_document_id_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_number_log" ADD CONSTRAINT "register_number_log_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_number_log" ADD CONSTRAINT "register_number_log_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_number_log" ADD CONSTRAINT "register_number_log_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_number_log" ADD CONSTRAINT "register_number_log_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_verifications" ADD CONSTRAINT "signature_verifications_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_verifications" ADD CONSTRAINT "signature_verifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_pin_failures" ADD CONSTRAINT "signing_pin_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_step_id_approval_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."approval_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_slips" ADD CONSTRAINT "submission_slips_decided_for_users_id_fk" FOREIGN KEY ("decided_for") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_roots" ADD CONSTRAINT "trusted_roots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_steps_document_idx" ON "approval_steps" USING btree ("document_id","round","position");--> statement-breakpoint
CREATE INDEX "approval_steps_assignee_idx" ON "approval_steps" USING btree ("assignee_user_id") WHERE "approval_steps"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_document_id","kind");--> statement-breakpoint
CREATE INDEX "document_signatures_document_idx" ON "document_signatures" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_signatures_one_approval_key" ON "document_signatures" USING btree ("document_id") WHERE "document_signatures"."kind" = 'approval';--> statement-breakpoint
CREATE INDEX "draft_comments_document_idx" ON "draft_comments" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_versions_doc_version_key" ON "draft_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "draft_versions_conversion_idx" ON "draft_versions" USING btree ("created_at") WHERE "draft_versions"."conversion_status" = 'pending';--> statement-breakpoint
CREATE INDEX "draft_versions_text_idx" ON "draft_versions" USING btree ("created_at") WHERE "draft_versions"."text_status" = 'pending';--> statement-breakpoint
CREATE INDEX "outgoing_details_drafter_idx" ON "outgoing_details" USING btree ("drafter_id");--> statement-breakpoint
CREATE INDEX "outgoing_details_signer_idx" ON "outgoing_details" USING btree ("signer_id");--> statement-breakpoint
CREATE INDEX "outgoing_files_document_idx" ON "outgoing_files" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_files_doc_file_role_key" ON "outgoing_files" USING btree ("document_id","file_id","role");--> statement-breakpoint
CREATE INDEX "outgoing_files_file_idx" ON "outgoing_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "outgoing_recipients_document_idx" ON "outgoing_recipients" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "outgoing_recipients_pending_idx" ON "outgoing_recipients" USING btree ("channel") WHERE "outgoing_recipients"."delivery_state" = 'pending';--> statement-breakpoint
CREATE INDEX "register_number_log_document_idx" ON "register_number_log" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "signature_verifications_file_idx" ON "signature_verifications" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_active_user_key" ON "signing_keys" USING btree ("user_id") WHERE "signing_keys"."is_active" AND "signing_keys"."owner_kind" = 'user';--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_active_org_key" ON "signing_keys" USING btree ("organization_id") WHERE "signing_keys"."is_active" AND "signing_keys"."owner_kind" = 'organization';--> statement-breakpoint
CREATE INDEX "submission_slips_document_idx" ON "submission_slips" USING btree ("document_id");