-- Personal access tokens: a user manages their own; looking a token up by its hash is system work.
GRANT SELECT, INSERT, DELETE ON access_tokens TO nollyai_app;--> statement-breakpoint
GRANT UPDATE (revoked_at, last_used_at) ON access_tokens TO nollyai_app;--> statement-breakpoint
ALTER TABLE access_tokens ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE access_tokens FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY access_tokens_owner ON access_tokens
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));--> statement-breakpoint
CREATE POLICY access_tokens_system ON access_tokens TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
