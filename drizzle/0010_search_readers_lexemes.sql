-- Readers keys become lexemes of both vectors ("#<key>"), so a text query filters permissions in
-- the same GIN scan (query.ts). Entries written before this carry none: add them once.
UPDATE "search_entries" SET
  "tsv" = "tsv" || array_to_tsvector(ARRAY(SELECT '#' || k FROM unnest("readers") AS k)),
  "title_tsv" = "title_tsv" || array_to_tsvector(ARRAY(SELECT '#' || k FROM unnest("readers") AS k));
