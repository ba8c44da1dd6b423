import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Database } from "../db/client.ts";
import { withSystem } from "../db/rls.ts";
import { account, profiles, rateLimit, session, user, verification } from "../db/schema.ts";
import type { Mailer } from "../mail/mailer.ts";
import { passwordResetMail, verificationMail } from "../mail/templates.ts";
import { passwordLength, passwordProblem } from "./password-policy.ts";
import type { SessionCache } from "./session-cache.ts";

/** The header our HTTP layer sets from the socket address, so rate limits key on the real client. */
export const clientIpHeader = "x-nollyai-client-ip";

export type AuthOptions = {
  db: Database;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
  requireEmailVerification: boolean;
  signUpCredits: number;
  signInRateLimit: number;
  /** Told of every session and user change, so no ended session is served from memory. */
  sessions: SessionCache;
  /** Called after a profile is created, so the credits ledger can record the sign-up grant. */
  onUserCreated?: (userId: string) => Promise<void>;
  /** Called while a deleted account still exists: what must be stopped or announced first. */
  onDeletingUser?: (userId: string) => Promise<void>;
  /** Called after an account's rows are gone (they cascade from the user): what lives outside the database. */
  onUserDeleted?: (userId: string) => Promise<void>;
};

/**
 * Accounts through better-auth: e-mail and password, sessions in HttpOnly SameSite cookies, e-mail
 * verification, single-use expiring reset tokens, rate limits, the ASVS password policy, and deleting one's
 * own account (`POST /api/auth/delete-user` with the current password).
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "NollyAI Studio",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: options.requireEmailVerification,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: account, url }) => {
        await options.mailer.send(passwordResetMail(account.email, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60,
      sendVerificationEmail: async ({ user: account, url }) => {
        await options.mailer.send(verificationMail(account.email, url));
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInRateLimit },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
        "/delete-user": { window: 60, max: 5 },
      },
    },
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (deleted) => {
          await options.onDeletingUser?.(deleted.id);
        },
        afterDelete: async (deleted) => {
          await options.onUserDeleted?.(deleted.id);
        },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
    hooks: {
      before: createAuthMiddleware(async (context) => {
        const body = (context.body ?? {}) as Record<string, unknown>;
        const candidate =
          context.path === "/sign-up/email"
            ? body.password
            : context.path === "/reset-password" || context.path === "/change-password"
              ? body.newPassword
              : undefined;
        if (typeof candidate === "string") {
          const problem = passwordProblem(candidate, {
            email: typeof body.email === "string" ? body.email : undefined,
            name: typeof body.name === "string" ? body.name : undefined,
          });
          if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_REJECTED" });
        }
        if (context.path === "/delete-user" && (typeof body.password !== "string" || body.password === "")) {
          // better-auth would accept a recent session instead; deleting everything asks for the password.
          throw new APIError("BAD_REQUEST", {
            message: "Enter your password to delete your account.",
            code: "PASSWORD_REQUIRED",
          });
        }
        if (context.path === "/change-password") {
          // A changed password ends every other session, whatever the client asked for.
          return { context: { ...context, body: { ...body, revokeOtherSessions: true } } };
        }
        return undefined;
      }),
    },
    databaseHooks: {
      session: {
        update: { after: (changed) => options.sessions.sessionChanged(changed.token) },
        delete: aroundChange((ended: { token: string }) => options.sessions.sessionChanged(ended.token)),
      },
      user: {
        update: { after: (changed) => options.sessions.userChanged(changed.id) },
        delete: aroundChange((deleted: { id: string }) => options.sessions.userChanged(deleted.id)),
        create: {
          after: async (created) => {
            await withSystem(options.db, (tx) =>
              tx.insert(profiles).values({
                ownerId: created.id,
                displayName: created.name || created.email.split("@")[0] || "Filmmaker",
                credits: options.signUpCredits,
              }),
            );
            await options.onUserCreated?.(created.id);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * A deletion's hooks that make the session cache forget: before the change (so no read started earlier is
 * remembered) and again after it (so none read in between is kept either).
 */
function aroundChange<Row>(forget: (row: Row) => Promise<void>) {
  return {
    before: async (row: Row) => {
      await forget(row);
    },
    after: forget,
  };
}
