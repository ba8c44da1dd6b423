import { fromNodeHeaders } from "better-auth/node";
import type { Request, RequestHandler, Response } from "express";
import type { Auth } from "../../auth/create-auth.ts";
import { AppError } from "../../lib/errors.ts";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

/** Resolves the signed-in user from the session cookie; answers 401 when there is none. */
export function requireUser(auth: Auth): RequestHandler {
  return async (request, response, next) => {
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session) {
      next(new AppError("unauthorized:session", "Sign in first: this needs an account session."));
      return;
    }
    const { id, email, name, emailVerified } = session.user;
    response.locals.user = { id, email, name, emailVerified } satisfies SessionUser;
    next();
  };
}

/** The user `requireUser` found; calling it on a route without that middleware is a programming error. */
export function currentUser(response: Response, _request?: Request): SessionUser {
  const user = response.locals.user as SessionUser | undefined;
  if (!user) throw new AppError("unauthorized:session", "Sign in first: this needs an account session.");
  return user;
}
