CREATE TABLE "migration_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"source_file_id" uuid NOT NULL,
	"archive_file_id" uuid,
	"register_id" uuid,
	"total_rows" integer,
	"next_row" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scan_batch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"fields" jsonb,
	"text_excerpt" text,
	"method" text,
	"scan_problems" jsonb,
	"error" text,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scan_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"register_id" uuid,
	"created_by" uuid NOT NULL,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_entries" (
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"organization_id" uuid,
	"title" text NOT NULL,
	"number_and_notation" text,
	"number_key" text,
	"sender_name" text,
	"sender_organization_id" uuid,
	"signer_name" text,
	"document_type" text,
	"register_id" uuid,
	"unit_id" uuid,
	"state" text,
	"doc_date" date,
	"year" integer,
	"body" text,
	"readers" text[] NOT NULL,
	"title_tsv" "tsvector" NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_entries_target_type_target_id_pk" PRIMARY KEY("target_type","target_id")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "migration_key" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "migration_run_id" uuid;--> statement-breakpoint
ALTER TABLE "migration_runs" ADD CONSTRAINT "migration_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_runs" ADD CONSTRAINT "migration_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_runs" ADD CONSTRAINT "migration_runs_source_file_id_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_runs" ADD CONSTRAINT "migration_runs_archive_file_id_files_id_fk" FOREIGN KEY ("archive_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_runs" ADD CONSTRAINT "migration_runs_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batch_items" ADD CONSTRAINT "scan_batch_items_batch_id_scan_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."scan_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batch_items" ADD CONSTRAINT "scan_batch_items_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batch_items" ADD CONSTRAINT "scan_batch_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batches" ADD CONSTRAINT "scan_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batches" ADD CONSTRAINT "scan_batches_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scan_batches" ADD CONSTRAINT "scan_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "migration_runs_org_idx" ON "migration_runs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "scan_batch_items_batch_idx" ON "scan_batch_items" USING btree ("batch_id","position");--> statement-breakpoint
CREATE INDEX "scan_batch_items_status_idx" ON "scan_batch_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "scan_batches_creator_idx" ON "scan_batches" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_entries_title_tsv_idx" ON "search_entries" USING gin ("title_tsv");--> statement-breakpoint
CREATE INDEX "search_entries_readers_idx" ON "search_entries" USING gin ("readers");--> statement-breakpoint
CREATE INDEX "search_entries_number_key_idx" ON "search_entries" USING btree ("number_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_entries_number_trgm_idx" ON "search_entries" USING gin ("number_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_date_idx" ON "search_entries" USING btree ("doc_date" DESC NULLS LAST,"target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_migration_key" ON "documents" USING btree ("register_id","migration_key");