CREATE TABLE "chunk_terms" (
	"project_id" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"lexeme" text NOT NULL,
	"chunks" integer NOT NULL,
	CONSTRAINT "chunk_terms_project_id_lexeme_pk" PRIMARY KEY("project_id","lexeme")
);
--> statement-breakpoint
ALTER TABLE "chunk_terms" ADD CONSTRAINT "chunk_terms_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chunk_terms" ADD CONSTRAINT "chunk_terms_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Document frequencies for BM25 (see schema/chunk-terms.ts), kept by statement triggers on chunks: a batch
-- of inserted or deleted chunks changes each lexeme's count once. Rows are the project owner's, like chunks.
GRANT SELECT, INSERT, UPDATE, DELETE ON chunk_terms TO nollyai_app;
--> statement-breakpoint
ALTER TABLE chunk_terms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE chunk_terms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chunk_terms_owner ON chunk_terms
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = chunk_terms.project_id));
--> statement-breakpoint
CREATE POLICY chunk_terms_system ON chunk_terms TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
CREATE FUNCTION chunk_terms_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Writers of one project's chunks take turns until they commit: each transaction updates many shared
  -- lexeme rows across several statements, which otherwise deadlock (measured: 27 of 90 concurrent writes).
  PERFORM pg_advisory_xact_lock(hashtext('chunk_terms'), hashtext(p.project_id::text))
  FROM (SELECT DISTINCT project_id FROM added_chunks ORDER BY project_id) AS p;
  INSERT INTO chunk_terms AS t (project_id, owner_id, lexeme, chunks)
  SELECT c.project_id, c.owner_id, lexeme, count(*)::int
  FROM added_chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.search_vector)) AS lexeme
  GROUP BY c.project_id, c.owner_id, lexeme
  ON CONFLICT (project_id, lexeme) DO UPDATE SET chunks = t.chunks + excluded.chunks;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION chunk_terms_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('chunk_terms'), hashtext(p.project_id::text))
  FROM (SELECT DISTINCT project_id FROM removed_chunks ORDER BY project_id) AS p;
  UPDATE chunk_terms AS t SET chunks = t.chunks - d.chunks
  FROM (
    SELECT c.project_id, lexeme, count(*)::int AS chunks
    FROM removed_chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.search_vector)) AS lexeme
    GROUP BY c.project_id, lexeme
  ) AS d
  WHERE t.project_id = d.project_id AND t.lexeme = d.lexeme;
  DELETE FROM chunk_terms AS t
  USING (
    SELECT DISTINCT c.project_id, lexeme
    FROM removed_chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.search_vector)) AS lexeme
  ) AS d
  WHERE t.project_id = d.project_id AND t.lexeme = d.lexeme AND t.chunks <= 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER chunks_count_terms_added AFTER INSERT ON chunks
  REFERENCING NEW TABLE AS added_chunks FOR EACH STATEMENT EXECUTE FUNCTION chunk_terms_add();
--> statement-breakpoint
CREATE TRIGGER chunks_count_terms_removed AFTER DELETE ON chunks
  REFERENCING OLD TABLE AS removed_chunks FOR EACH STATEMENT EXECUTE FUNCTION chunk_terms_remove();
--> statement-breakpoint
-- Chunks stored before this migration, read as the system (chunks' RLS is forced on their owner too).
SELECT set_config('app.system_access', 'on', true);
--> statement-breakpoint
INSERT INTO chunk_terms (project_id, owner_id, lexeme, chunks)
SELECT c.project_id, c.owner_id, lexeme, count(*)::int
FROM chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.search_vector)) AS lexeme
GROUP BY c.project_id, c.owner_id, lexeme;
--> statement-breakpoint
SELECT set_config('app.system_access', 'off', true);
