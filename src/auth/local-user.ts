import type { Auth } from "./create-auth.ts";

/** The one account embedded mode acts as when no access token is given. */
export const localUserEmail = "local@nollyai.localhost";

/**
 * Finds or creates the local user (verified, with a profile and sign-up credits, exactly as a sign-up
 * makes them, through better-auth's own user creation and its hooks). Returns the user id.
 */
export async function ensureLocalUser(auth: Auth): Promise<string> {
  const context = await auth.$context;
  const existing = await context.internalAdapter.findUserByEmail(localUserEmail);
  if (existing) return existing.user.id;
  try {
    const created = await context.internalAdapter.createUser(
      { email: localUserEmail, name: "Local filmmaker", emailVerified: true },
      { method: "local-mcp" },
    );
    return created.id;
  } catch (error) {
    // Two processes starting at once: the other one created it first.
    const raced = await context.internalAdapter.findUserByEmail(localUserEmail);
    if (raced) return raced.user.id;
    throw error;
  }
}
