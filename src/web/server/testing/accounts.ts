import { desc, eq } from "drizzle-orm";
import { mailOutbox } from "../../../db/schema.ts";
import type { Studio } from "../../../studio.ts";
import { TestClient } from "./http-client.ts";

/** The newest link in the outbox mail sent to `email`. */
export async function latestMailLink(studio: Studio, email: string): Promise<string> {
  const [mail] = await studio.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no mail with a link for ${email}`);
  return link;
}

/** Signs a new user up, follows the verification link and signs in; returns a client holding the session. */
export async function signedInClient(
  studio: Studio,
  baseUrl: string,
  email: string,
  password = "correct horse battery",
): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const signUp = await client.post("/api/auth/sign-up/email", { name: email.split("@")[0], email, password });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(signUp.data)}`);
  const link = await latestMailLink(studio, email);
  await client.request("GET", new URL(link).pathname + new URL(link).search);
  const signIn = await client.post("/api/auth/sign-in/email", { email, password });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.data)}`);
  return client;
}
