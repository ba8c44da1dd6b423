import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { withSystem, withUser } from "../db/rls.ts";
import { type AccessToken, accessTokenScopes, accessTokens } from "../db/schema/access-tokens.ts";
import { AppError } from "../lib/errors.ts";
import { isId } from "../lib/ids.ts";

/** Every personal access token starts with this, so secret scanners and people can recognise one. */
export const accessTokenPrefix = "nollyai_pat_";

/** `read` may only run read-only tools; `read-write` may run every tool. */
export type AccessTokenScope = (typeof accessTokenScopes)[number];

/** At most this many tokens that are neither revoked nor expired, per user. */
const maxActiveTokens = 50;
/** `last_used_at` is written at most this often per token, so busy clients do not write on every call. */
const lastUsedResolutionMs = 60_000;
const tokenPattern = new RegExp(`^${accessTokenPrefix}[A-Za-z0-9_-]{43}$`);

/**
 * The PostgreSQL channel on which each revocation is announced to every server process (payload: the token
 * id), so that a process holding verified tokens in memory forgets a revoked one at once.
 */
export const accessTokenRevokedChannel = "nollyai_access_token_revoked";

/** Listeners in this process, per database: told as soon as a revocation has committed here. */
const revocationListeners = new WeakMap<Database, Set<(tokenId: string) => void>>();

/** What a user may ask for when creating a token. */
export const accessTokenInput = z.object({
  name: z.string().trim().min(1, "name the token after where it is used, e.g. Claude Desktop").max(100),
  scope: z.enum(accessTokenScopes, { error: 'scope must be "read" or "read-write"' }).default("read-write"),
  expiresInDays: z
    .number()
    .int()
    .min(1, "expiresInDays must be at least 1")
    .max(366, "expiresInDays must be at most 366; leave it out for a token that does not expire")
    .optional(),
});

/** A token as its owner sees it: never the token itself nor its hash. */
export const accessTokenView = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(accessTokenScopes),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type AccessTokenView = z.infer<typeof accessTokenView>;

/** Who a valid token speaks for. */
export type VerifiedAccessToken = {
  userId: string;
  scope: AccessTokenScope;
  tokenId: string;
  expiresAt: Date | null;
};

/** SHA-256 hex of a token: the only form in which a token is stored or looked up. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for `userId`; the returned `token` is shown once and cannot be recovered later. */
export async function createAccessToken(
  db: Database,
  input: { userId: string } & z.input<typeof accessTokenInput>,
): Promise<{ token: string; accessToken: AccessTokenView }> {
  const { name, scope, expiresInDays } = accessTokenInput.parse(input);
  const token = accessTokenPrefix + randomBytes(32).toString("base64url");
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const row = await withUser(db, input.userId, async (tx) => {
    const active = (await tx.select().from(accessTokens).where(isNull(accessTokens.revokedAt))).filter(
      (existing) => !isExpired(existing),
    );
    if (active.length >= maxActiveTokens) {
      throw new AppError(
        "conflict:access_tokens",
        `You already have ${maxActiveTokens} active access tokens. Revoke ones you no longer use first.`,
      );
    }
    const [inserted] = await tx
      .insert(accessTokens)
      .values({ ownerId: input.userId, name, scope, tokenHash: hashAccessToken(token), expiresAt })
      .returning();
    return inserted!;
  });
  return { token, accessToken: toAccessTokenView(row) };
}

/** The user's tokens, newest first, revoked and expired ones included (so the user can see them go). */
export async function listAccessTokens(db: Database, userId: string): Promise<AccessTokenView[]> {
  const rows = await withUser(db, userId, (tx) =>
    tx.select().from(accessTokens).orderBy(desc(accessTokens.createdAt)),
  );
  return rows.map(toAccessTokenView);
}

/**
 * Revokes one of the user's tokens at once; another user's token is `not_found:access_token`. The revocation
 * is announced on `accessTokenRevokedChannel` when it commits, and to this process's listeners before this
 * resolves (a NOTIFY reaches the server's listening connection a moment later).
 */
export async function revokeAccessToken(
  db: Database,
  userId: string,
  tokenId: string,
): Promise<AccessTokenView> {
  if (!isId(tokenId)) throw tokenNotFound();
  const row = await withUser(db, userId, async (tx) => {
    const [existing] = await tx.select().from(accessTokens).where(eq(accessTokens.id, tokenId));
    if (!existing) throw tokenNotFound();
    if (existing.revokedAt) return existing;
    const [revoked] = await tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(eq(accessTokens.id, tokenId))
      .returning();
    await tx.execute(sql`SELECT pg_notify(${accessTokenRevokedChannel}, ${tokenId})`);
    return revoked!;
  });
  tellListeners(db, [row.id]);
  return toAccessTokenView(row);
}

/** Revokes every live token of the user (the account is being deleted), announced as `revokeAccessToken` does. */
export async function revokeAllAccessTokens(db: Database, userId: string): Promise<number> {
  const revoked = await withUser(db, userId, async (tx) => {
    const rows = await tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(isNull(accessTokens.revokedAt))
      .returning({ id: accessTokens.id });
    for (const row of rows) await tx.execute(sql`SELECT pg_notify(${accessTokenRevokedChannel}, ${row.id})`);
    return rows;
  });
  tellListeners(
    db,
    revoked.map((row) => row.id),
  );
  return revoked.length;
}

/** This process's revocation listeners hear of tokens revoked through `db`, once the revocation committed. */
function tellListeners(db: Database, tokenIds: readonly string[]): void {
  for (const tokenId of tokenIds) for (const listener of revocationListeners.get(db) ?? []) listener(tokenId);
}

/**
 * Calls `listener` with the id of each token revoked through `db` in this process, as soon as the revocation
 * has committed. Other processes hear of it on `accessTokenRevokedChannel`. Returns the unsubscribe.
 */
export function onAccessTokenRevoked(db: Database, listener: (tokenId: string) => void): () => void {
  const listeners = revocationListeners.get(db) ?? new Set();
  listeners.add(listener);
  revocationListeners.set(db, listeners);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The user and scope a token speaks for, or null when it is malformed, unknown, revoked or expired.
 * Records when the token was last used (at most once a minute per token).
 */
export async function verifyAccessToken(db: Database, token: string): Promise<VerifiedAccessToken | null> {
  if (!tokenPattern.test(token)) return null;
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(accessTokens)
      .where(and(eq(accessTokens.tokenHash, hashAccessToken(token)), isNull(accessTokens.revokedAt)));
    if (!row || isExpired(row)) return null;
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > lastUsedResolutionMs) {
      await tx.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, row.id));
    }
    return { userId: row.ownerId, scope: row.scope, tokenId: row.id, expiresAt: row.expiresAt };
  });
}

function isExpired(row: AccessToken): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() <= Date.now();
}

function toAccessTokenView(row: AccessToken): AccessTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function tokenNotFound(): AppError {
  return new AppError(
    "not_found:access_token",
    "No such access token. List your tokens to find the right id.",
  );
}
