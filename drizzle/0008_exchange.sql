CREATE TABLE "exchange_identity" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"private_key_pem" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"document_identifier" text NOT NULL,
	"business_type" integer,
	"status_code" text,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"organization_id" uuid,
	"transport" text,
	"package_sha256" char(64),
	"package_size" integer,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"transport_id" text,
	"dedupe_key" text,
	"outgoing_document_id" uuid,
	"outgoing_recipient_id" uuid,
	"incoming_document_id" uuid,
	"reply_to_message_id" uuid,
	"summary" jsonb,
	"warnings" jsonb,
	"signature_state" text,
	"signature_detail" jsonb,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_status_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"document_identifier" text NOT NULL,
	"organization_code" text NOT NULL,
	"organization_id" uuid,
	"outgoing_document_id" uuid,
	"outgoing_recipient_id" uuid,
	"status_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"staff" jsonb,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "certificate_pem" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exchange_identity" ADD CONSTRAINT "exchange_identity_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_outgoing_document_id_documents_id_fk" FOREIGN KEY ("outgoing_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_outgoing_recipient_id_outgoing_recipients_id_fk" FOREIGN KEY ("outgoing_recipient_id") REFERENCES "public"."outgoing_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_incoming_document_id_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_status_log" ADD CONSTRAINT "exchange_status_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_status_log" ADD CONSTRAINT "exchange_status_log_outgoing_document_id_documents_id_fk" FOREIGN KEY ("outgoing_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_status_log" ADD CONSTRAINT "exchange_status_log_outgoing_recipient_id_outgoing_recipients_id_fk" FOREIGN KEY ("outgoing_recipient_id") REFERENCES "public"."outgoing_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_status_log" ADD CONSTRAINT "exchange_status_log_message_id_exchange_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."exchange_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_messages_dedupe_key" ON "exchange_messages" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "exchange_messages_due_idx" ON "exchange_messages" USING btree ("next_attempt_at") WHERE "exchange_messages"."direction" = 'out' AND "exchange_messages"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "exchange_messages_inbox_idx" ON "exchange_messages" USING btree ("created_at" DESC NULLS LAST) WHERE "exchange_messages"."direction" = 'in' AND "exchange_messages"."state" = 'received';--> statement-breakpoint
CREATE INDEX "exchange_messages_document_idx" ON "exchange_messages" USING btree ("document_identifier");--> statement-breakpoint
CREATE INDEX "exchange_messages_outgoing_idx" ON "exchange_messages" USING btree ("outgoing_document_id");--> statement-breakpoint
CREATE INDEX "exchange_messages_incoming_idx" ON "exchange_messages" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_status_log_once_key" ON "exchange_status_log" USING btree ("direction","document_identifier","organization_code","status_code","status_at");--> statement-breakpoint
CREATE INDEX "exchange_status_log_outgoing_idx" ON "exchange_status_log" USING btree ("outgoing_document_id");