-- A spend by reference as one ledger entry, in one statement. The caller has declared system access (the app
-- role cannot write the ledger). Returns the new balance, or NULL when it wrote nothing: the reference was
-- applied before, the balance is short, or there is no profile. A concurrent spend of the same reference waits
-- on the balance lock, then meets the entry through ON CONFLICT.
CREATE FUNCTION ledger_spend(p_user text, p_amount integer, p_reference text, p_description text)
RETURNS integer LANGUAGE sql AS $$
  WITH balance AS (
    SELECT credits FROM profiles WHERE owner_id = p_user FOR UPDATE
  ), entry AS (
    INSERT INTO credit_transactions (owner_id, kind, amount, quantity, balance_after, reference, description)
    SELECT p_user, 'capture', -p_amount, p_amount, credits - p_amount, p_reference, p_description
    FROM balance WHERE credits >= p_amount
    ON CONFLICT (owner_id, reference) WHERE reference IS NOT NULL DO NOTHING
    RETURNING balance_after
  )
  UPDATE profiles SET credits = entry.balance_after, updated_at = now()
  FROM entry WHERE profiles.owner_id = p_user
  RETURNING profiles.credits
$$;
--> statement-breakpoint
-- Opens a chat turn for a user message in one statement (agent/open-turn.ts): as the user, under RLS, finds the
-- thread or creates it in a visible project and stores the message; as system, charges the message's price.
-- All or nothing: a refusal raises `P0001` with the refusal's code as the message (and the balance as DETAIL
-- for a short balance), and nothing is kept. The caller's role and settings are restored before returning.
CREATE FUNCTION open_user_turn(
  p_user text,
  p_thread uuid,
  p_project uuid,
  p_title text,
  p_message text,
  p_parts jsonb,
  p_price integer,
  p_reference text,
  p_description text
) RETURNS SETOF threads LANGUAGE plpgsql AS $$
DECLARE
  entered_role text := current_setting('role');
  entered_user text := coalesce(current_setting('app.user_id', true), '');
  entered_access text := coalesce(current_setting('app.system_access', true), '');
  opened threads;
  balance integer;
BEGIN
  PERFORM set_config('role', 'nollyai_app', true), set_config('app.user_id', p_user, true),
    set_config('app.system_access', 'off', true);
  IF p_thread IS NOT NULL THEN
    SELECT * INTO opened FROM threads WHERE id = p_thread;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'not_found:thread';
    END IF;
  ELSE
    IF p_project IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = p_project) THEN
      RAISE EXCEPTION 'not_found:project';
    END IF;
    INSERT INTO threads (owner_id, project_id, title) VALUES (p_user, p_project, p_title) RETURNING * INTO opened;
  END IF;
  INSERT INTO messages (id, thread_id, owner_id, role, parts) VALUES (p_message, opened.id, p_user, 'user', p_parts)
    ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'conflict:message';
  END IF;
  IF p_price > 0 THEN
    PERFORM set_config('role', 'none', true), set_config('app.system_access', 'on', true);
    balance := ledger_spend(p_user, p_price, p_reference, p_description);
    IF balance IS NULL
      AND NOT EXISTS (SELECT 1 FROM credit_transactions WHERE owner_id = p_user AND reference = p_reference) THEN
      SELECT credits INTO balance FROM profiles WHERE owner_id = p_user;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'not_found:profile';
      END IF;
      RAISE EXCEPTION 'payment_required:credits' USING DETAIL = balance::text;
    END IF;
  END IF;
  PERFORM set_config('role', entered_role, true), set_config('app.user_id', entered_user, true),
    set_config('app.system_access', entered_access, true);
  RETURN NEXT opened;
END
$$;
--> statement-breakpoint
-- Only the owning role (the studio's connection) may call them: the app role, which a request's SQL runs as,
-- cannot open a turn for another user or write the ledger through them.
REVOKE EXECUTE ON FUNCTION ledger_spend(text, integer, text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION open_user_turn(text, uuid, uuid, text, text, jsonb, integer, text, text) FROM PUBLIC;
