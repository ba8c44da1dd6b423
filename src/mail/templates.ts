import type { MailMessage } from "./mailer.ts";

/** The verification mail: one link, valid for the time given. */
export function verificationMail(to: string, url: string): MailMessage {
  return {
    to,
    subject: "Confirm your NollyAI Studio e-mail address",
    text: `Welcome to NollyAI Studio.\n\nConfirm your address by opening this link (valid for one hour):\n${url}\n\nIf you did not sign up, ignore this mail.`,
  };
}

/** The password-reset mail: a single-use link that expires. */
export function passwordResetMail(to: string, url: string): MailMessage {
  return {
    to,
    subject: "Reset your NollyAI Studio password",
    text: `Someone asked to reset the password of this account.\n\nChoose a new password here (the link works once, for one hour):\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.`,
  };
}
