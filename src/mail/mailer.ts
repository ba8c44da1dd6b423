import nodemailer from "nodemailer";
import type { Database } from "../db/client.ts";
import { mailOutbox } from "../db/schema.ts";
import type { Logger } from "../lib/logger.ts";

export type MailMessage = { to: string; subject: string; text: string; html?: string };

/** Sends the studio's mail. */
export type Mailer = { send(message: MailMessage): Promise<void>; transport: "smtp" | "outbox" };

/**
 * Mail through SMTP when `smtpUrl` is configured; otherwise into the `mail_outbox` table and the log, so a
 * local user can still verify an address or reset a password without a mail server.
 */
export function createMailer(options: {
  smtpUrl?: string;
  from: string;
  db: Database;
  logger: Logger;
}): Mailer {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: "smtp",
      async send(message) {
        await transporter.sendMail({ from: options.from, ...message });
        options.logger.info({ to: message.to, subject: message.subject }, "mail sent");
      },
    };
  }
  return {
    transport: "outbox",
    async send(message) {
      await options.db
        .insert(mailOutbox)
        .values({ recipient: message.to, subject: message.subject, text: message.text, html: message.html });
      options.logger.info(
        { to: message.to, subject: message.subject, text: message.text },
        "mail kept in outbox",
      );
    },
  };
}
