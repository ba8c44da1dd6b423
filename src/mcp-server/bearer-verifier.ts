import { InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { OAuthTokenVerifier } from "@modelcontextprotocol/sdk/server/auth/provider.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { TokenVerificationCache } from "./token-verification-cache.ts";
import { scopesOf } from "./tool-scope.ts";

/** A token that never expires still needs an expiry for the SDK's check: a year from now. */
const openEndedSeconds = 365 * 86_400;

/** The user id a verified bearer token speaks for (in `AuthInfo.extra`). */
export function userIdOf(authInfo: AuthInfo | undefined): string | undefined {
  const userId = authInfo?.extra?.userId;
  return typeof userId === "string" ? userId : undefined;
}

/** Verifies studio personal access tokens for the SDK's `requireBearerAuth`. */
export function accessTokenVerifier(tokens: Pick<TokenVerificationCache, "verify">): OAuthTokenVerifier {
  return {
    async verifyAccessToken(token) {
      const verified = await tokens.verify(token);
      if (!verified) {
        throw new InvalidTokenError(
          "The access token is invalid, revoked or expired: create a new one in the studio",
        );
      }
      return {
        token,
        clientId: verified.tokenId,
        scopes: scopesOf(verified.scope),
        expiresAt: Math.floor((verified.expiresAt?.getTime() ?? Date.now() + openEndedSeconds * 1000) / 1000),
        extra: { userId: verified.userId },
      };
    },
  };
}
