-- Grants and row-level security for jobs, the credit ledger and notifications (see 0002 for the model).
-- Users read their jobs and ledger; every change to them is system work (the job service, the executor, the
-- ledger), so nollyai_app may not write jobs, job steps or credit transactions at all.
GRANT SELECT ON jobs, job_steps, credit_transactions TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, DELETE ON notifications TO nollyai_app;
--> statement-breakpoint
GRANT UPDATE (read_at) ON notifications TO nollyai_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON notification_preferences TO nollyai_app;
--> statement-breakpoint
GRANT UPDATE (email_job_finished, email_job_failed, email_credits_low, credits_low_threshold, updated_at)
  ON notification_preferences TO nollyai_app;
--> statement-breakpoint
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs_owner ON jobs
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY jobs_system ON jobs TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE job_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_steps_owner ON job_steps
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY job_steps_system ON job_steps TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE credit_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE credit_transactions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY credit_transactions_owner ON credit_transactions
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY credit_transactions_system ON credit_transactions TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
-- The ledger is append-only: a correction is a new `adjustment` entry, never an edit.
CREATE FUNCTION credit_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_transactions is append-only: record an adjustment instead';
END
$$;
--> statement-breakpoint
CREATE TRIGGER credit_transactions_no_update BEFORE UPDATE ON credit_transactions
  FOR EACH ROW EXECUTE FUNCTION credit_transactions_append_only();
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_owner ON notifications
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY notifications_system ON notifications TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_preferences_owner ON notification_preferences
  USING (owner_id = current_setting('app.user_id', true))
  WITH CHECK (owner_id = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY notification_preferences_system ON notification_preferences TO CURRENT_USER
  USING (current_setting('app.system_access', true) = 'on')
  WITH CHECK (current_setting('app.system_access', true) = 'on');
--> statement-breakpoint
-- Balances that existed before the ledger open it, so a balance always equals the sum of its entries.
INSERT INTO credit_transactions (owner_id, kind, amount, quantity, balance_after, reference, description)
SELECT owner_id, 'adjustment', credits, credits, credits, 'opening:' || owner_id, 'Opening balance'
FROM profiles WHERE credits <> 0;
