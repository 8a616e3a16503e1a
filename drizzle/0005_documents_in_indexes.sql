CREATE INDEX "assignments_user_open_due_idx" ON "assignments" USING btree ("assignee_user_id","due_date") WHERE "assignments"."state" IN ('pending', 'in_progress');--> statement-breakpoint
CREATE INDEX "assignments_parent_idx" ON "assignments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "documents_incoming_arrived_idx" ON "documents" USING btree ("arrived_at" DESC NULLS LAST,"id") WHERE "documents"."direction" = 'incoming';--> statement-breakpoint
CREATE INDEX "documents_registered_unit_idx" ON "documents" USING btree ("registered_unit_id");--> statement-breakpoint
CREATE INDEX "documents_subject_trgm_idx" ON "documents" USING gin (f_unaccent("subject") gin_trgm_ops);