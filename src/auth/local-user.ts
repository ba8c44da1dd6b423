import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { withSystem } from "../db/rls.ts";
import { profiles, user } from "../db/schema.ts";

export const localUserEmail = "local@nollyai.localhost";

/**
 * The local user of an embedded studio (the CLI and the MCP stdio server without a token act as this
 * user). Created on first use with the sign-up credits; it has no password, so it cannot sign in over HTTP.
 */
export async function ensureLocalUser(db: Database, signUpCredits: number): Promise<string> {
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, localUserEmail));
  if (existing) return existing.id;
  const id = "local-user";
  await db
    .insert(user)
    .values({ id, name: "Local filmmaker", email: localUserEmail, emailVerified: true })
    .onConflictDoNothing();
  await withSystem(db, (tx) =>
    tx.insert(profiles).values({ ownerId: id, displayName: "Local filmmaker", credits: signUpCredits }).onConflictDoNothing(),
  );
  return id;
}
