-- Grants and row-level security for breakdowns and grades (see 0002 for the model).
GRANT UPDATE (value) ON extraction_cache TO nollyai_app;
--> statement-breakpoint
GRANT UPDATE (grade, description) ON user_presets TO nollyai_app;
--> statement-breakpoint
-- Re-embedding updates vectors in place instead of deleting and inserting each passage.
GRANT UPDATE (embedding, embedding_model) ON chunks TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON breakdowns TO nollyai_app;
--> statement-breakpoint
ALTER TABLE breakdowns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE breakdowns FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY breakdowns_owner ON breakdowns
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = breakdowns.project_id)
    AND EXISTS (SELECT 1 FROM files WHERE files.id = breakdowns.file_id));
--> statement-breakpoint
CREATE POLICY breakdowns_system ON breakdowns TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON breakdown_corrections TO nollyai_app;
--> statement-breakpoint
ALTER TABLE breakdown_corrections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE breakdown_corrections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY breakdown_corrections_owner ON breakdown_corrections
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = breakdown_corrections.project_id)
    AND EXISTS (SELECT 1 FROM files WHERE files.id = breakdown_corrections.file_id));
--> statement-breakpoint
CREATE POLICY breakdown_corrections_system ON breakdown_corrections TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON extraction_cache TO nollyai_app;
--> statement-breakpoint
ALTER TABLE extraction_cache ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE extraction_cache FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY extraction_cache_owner ON extraction_cache
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY extraction_cache_system ON extraction_cache TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON grade_versions TO nollyai_app;
--> statement-breakpoint
ALTER TABLE grade_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE grade_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY grade_versions_owner ON grade_versions
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = grade_versions.project_id)
    AND EXISTS (SELECT 1 FROM files WHERE files.id = grade_versions.file_id));
--> statement-breakpoint
CREATE POLICY grade_versions_system ON grade_versions TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON user_presets TO nollyai_app;
--> statement-breakpoint
ALTER TABLE user_presets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_presets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_presets_owner ON user_presets
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY user_presets_system ON user_presets TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
-- Under RLS, PostgreSQL uses the full-text GIN index only for LEAKPROOF operators. ts_match_vq reveals
-- nothing beyond match/no match, so it is marked so where the migrating role may (a superuser, as on
-- PGlite and self-hosted servers); elsewhere full-text search still works, by a sequential scan.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
  END IF;
END
$$;
