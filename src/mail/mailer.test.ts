import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../db/schema.ts";
import { createTestDatabase, type TestDatabase } from "../db/testing/test-database.ts";
import { createLogger } from "../lib/logger.ts";
import { createMailer } from "./mailer.ts";
import { verificationMail } from "./templates.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const logger = createLogger({ level: "silent" });

describe("createMailer", () => {
  it("delivers over SMTP when configured (to a local SMTP server)", async () => {
    const received: { from: string; to: string[]; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            body: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: "studio@nollyai.test",
        db: database.db,
        logger,
      });
      expect(mailer.transport).toBe("smtp");
      await mailer.send(
        verificationMail("funke@example.com", "http://localhost:3000/api/auth/verify-email?token=abc"),
      );
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: "studio@nollyai.test", to: ["funke@example.com"] });
      expect(received[0]!.body).toContain("verify-email?token=abc");
      expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("keeps mail in the outbox table without SMTP", async () => {
    const mailer = createMailer({ from: "studio@nollyai.test", db: database.db, logger });
    await mailer.send(verificationMail("tunde@example.com", "http://localhost:3000/verify?token=xyz"));
    const [kept] = await database.db.select().from(mailOutbox);
    expect(kept).toMatchObject({ recipient: "tunde@example.com" });
    expect(kept?.text).toContain("token=xyz");
  });
});
