CREATE TABLE "event_chain_head" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_id" bigint NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_chain_head" ADD CONSTRAINT "event_chain_head_singleton" CHECK ("singleton");--> statement-breakpoint
INSERT INTO "event_chain_head" ("singleton", "last_id", "hash")
  SELECT true, COALESCE((SELECT id FROM events ORDER BY id DESC LIMIT 1), 0),
    COALESCE((SELECT hash FROM events ORDER BY id DESC LIMIT 1), repeat('0', 64));
