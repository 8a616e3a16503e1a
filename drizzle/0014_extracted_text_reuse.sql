CREATE TABLE "ocr_reads" (
	"sha256" char(64) PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"page_count" integer NOT NULL,
	"searchable_sha256" char(64),
	"searchable_size" bigint,
	"milliseconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD COLUMN "text_status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outgoing_files" ADD COLUMN "extracted_text" text;--> statement-breakpoint
ALTER TABLE "ocr_reads" ADD CONSTRAINT "ocr_reads_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outgoing_files_text_idx" ON "outgoing_files" USING btree ("created_at") WHERE "outgoing_files"."text_status" = 'pending';