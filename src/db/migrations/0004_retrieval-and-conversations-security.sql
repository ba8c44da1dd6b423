-- Grants and row-level security for retrieval chunks and conversations (see 0002 for the model).
GRANT SELECT, INSERT, DELETE ON chunks TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON threads TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON messages TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON token_usage TO nollyai_app;
--> statement-breakpoint
GRANT UPDATE (title, updated_at) ON threads TO nollyai_app;
--> statement-breakpoint
GRANT UPDATE (parts, metadata) ON messages TO nollyai_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE messages_sequence_seq TO nollyai_app;
--> statement-breakpoint
ALTER TABLE chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE chunks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chunks_owner ON chunks
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM projects WHERE projects.id = chunks.project_id));
--> statement-breakpoint
CREATE POLICY chunks_system ON chunks TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE threads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE threads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY threads_owner ON threads
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND (project_id IS NULL OR EXISTS (SELECT 1 FROM projects WHERE projects.id = threads.project_id)));
--> statement-breakpoint
CREATE POLICY threads_system ON threads TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY messages_owner ON messages
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true)
    AND EXISTS (SELECT 1 FROM threads WHERE threads.id = messages.thread_id));
--> statement-breakpoint
CREATE POLICY messages_system ON messages TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE token_usage ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE token_usage FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY token_usage_owner ON token_usage
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY token_usage_system ON token_usage TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
