import { commonPasswords } from "./common-passwords.ts";

export const passwordLength = { min: 8, max: 128 } as const;

/**
 * Checks a new password per OWASP ASVS V2.1: 8 to 128 characters, any characters allowed, no composition
 * rules, not a commonly used password nor the account's own e-mail or name. Returns what to fix, or null.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < passwordLength.min) return `Use at least ${passwordLength.min} characters.`;
  if (length > passwordLength.max) return `Use at most ${passwordLength.max} characters.`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "This password is too common; choose one that is harder to guess.";
  const email = context.email?.toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    return "Do not use your e-mail address as your password.";
  }
  if (context.name && lowered === context.name.toLowerCase()) return "Do not use your name as your password.";
  return null;
}
