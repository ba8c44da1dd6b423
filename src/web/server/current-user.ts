import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { fromNodeHeaders } from "better-auth/node";
import type { Request, RequestHandler, Response } from "express";
import type { Auth } from "../../auth/create-auth.ts";
import type { LiveSession, SessionCache } from "../../auth/session-cache.ts";
import { AppError } from "../../lib/errors.ts";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

type Sessions = { auth: Auth; sessions: SessionCache };

/**
 * Resolves the signed-in user from the session cookie; answers 401 when there is none. A live session that is
 * not due for renewal is read directly (the cookie's signature checked here) through the session cache, which
 * better-auth's hooks tell of every sign-out, revocation and user change, so those take effect at once;
 * anything else — no valid cookie, an expired session, one due for renewal — goes through better-auth's own
 * `getSession`, which also cleans up and renews.
 */
export function requireUser({ auth, sessions }: Sessions): RequestHandler {
  return async (request, response, next) => {
    try {
      const user =
        (await liveSessionUser(auth, sessions, request)) ?? (await sessionUserFromAuth(auth, request));
      if (!user) {
        next(new AppError("unauthorized:session", "Sign in first: this needs an account session."));
        return;
      }
      response.locals.user = user satisfies SessionUser;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The user `requireUser` found; calling it on a route without that middleware is a programming error. */
export function currentUser(response: Response, _request?: Request): SessionUser {
  const user = response.locals.user as SessionUser | undefined;
  if (!user) throw new AppError("unauthorized:session", "Sign in first: this needs an account session.");
  return user;
}

async function sessionUserFromAuth(auth: Auth, request: Request): Promise<SessionUser | undefined> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  return session ? toSessionUser(session.user) : undefined;
}

/** The session's user when the cookie is validly signed and the session is live and needs no renewal. */
async function liveSessionUser(
  auth: Auth,
  sessions: SessionCache,
  request: Request,
): Promise<SessionUser | undefined> {
  const context = await auth.$context;
  const cookies = parseCookies(request.headers.cookie ?? "");
  const token = verifiedValue(cookies.get(context.authCookies.sessionToken.name), context.secret);
  if (!token) return undefined;
  const live = await sessions.read(token, async (): Promise<LiveSession | undefined> => {
    const found = await context.internalAdapter.findSession(token);
    if (!found) return undefined;
    const expiresAt = found.session.expiresAt.getTime();
    const { expiresIn, updateAge } = context.sessionConfig;
    return {
      user: toSessionUser(found.user),
      expiresAt,
      renewFrom: expiresAt - expiresIn * 1000 + updateAge * 1000,
    };
  });
  if (!live || live.expiresAt <= Date.now() || live.renewFrom <= Date.now()) return undefined;
  return live.user;
}

/** The value of a better-auth signed cookie (`value.base64(HMAC-SHA256)`), or undefined when the signature is wrong. */
function verifiedValue(cookie: string | undefined, secret: string): string | undefined {
  if (!cookie) return undefined;
  const dot = cookie.lastIndexOf(".");
  if (dot < 1) return undefined;
  const value = cookie.slice(0, dot);
  const signature = Buffer.from(cookie.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(value).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? value : undefined;
}

function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
}): SessionUser {
  const { id, email, name, emailVerified } = user;
  return { id, email, name, emailVerified };
}
