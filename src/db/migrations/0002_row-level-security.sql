-- Every query declares whose it is. Requests: SET LOCAL ROLE nollyai_app and app.user_id (their own rows).
-- System work (sign-up, jobs, retention): the owning role with app.system_access = 'on' (withSystem()).
-- A query that declares neither sees nothing.
-- The application role: no login, no BYPASSRLS. Each request transaction does SET LOCAL ROLE nollyai_app
-- and set_config('app.user_id', …, true); a query that forgets the user sees nothing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nollyai_app') THEN
    CREATE ROLE nollyai_app NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT nollyai_app TO %I', current_user);
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO nollyai_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON projects, files TO nollyai_app;--> statement-breakpoint
GRANT UPDATE (title, description, updated_at) ON projects TO nollyai_app;--> statement-breakpoint
GRANT SELECT ON profiles TO nollyai_app;--> statement-breakpoint
GRANT UPDATE (display_name, updated_at) ON profiles TO nollyai_app;--> statement-breakpoint
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE profiles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY profiles_owner ON profiles
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));--> statement-breakpoint
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE projects FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY projects_owner ON projects
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));--> statement-breakpoint
ALTER TABLE files ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE files FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY files_owner ON files
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (
    owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = files.project_id)
  );
--> statement-breakpoint
CREATE POLICY profiles_system ON profiles TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');--> statement-breakpoint
CREATE POLICY projects_system ON projects TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');--> statement-breakpoint
CREATE POLICY files_system ON files TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
