-- Extensions and the Vietnamese text-search configuration (see docs/ARCHITECTURE.md, search).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vn') THEN
    CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION vn ALTER MAPPING
      FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
  END IF;
END $$;
