import { z } from "zod";

/** The longest user message accepted, in characters (about 20 pages of text). */
export const maxMessageCharacters = 32_000;

const textPart = z.object({ type: z.literal("text"), text: z.string() });

/**
 * A chat request as `useChat` sends it (with `prepareSendMessagesRequest` sending the last message only):
 * a new user message, or the last assistant message carrying the user's approval responses.
 */
export const chatRequestSchema = z.object({
  threadId: z.uuid({ error: "threadId must be a conversation id" }).optional(),
  projectId: z.uuid({ error: "projectId must be a project id" }).optional(),
  message: z.object({
    id: z.string().min(1).max(100),
    role: z.enum(["user", "assistant"]),
    parts: z.array(z.looseObject({ type: z.string() })).min(1, "the message has no parts"),
    metadata: z.unknown().optional(),
  }),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The text of a user message's text parts. */
export function messageText(message: ChatRequest["message"]): string {
  return message.parts
    .map((part) => textPart.safeParse(part))
    .filter((result) => result.success)
    .map((result) => result.data.text)
    .join("\n")
    .trim();
}
