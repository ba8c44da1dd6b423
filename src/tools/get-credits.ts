import { z } from "zod";
import { defineTool } from "./tool.ts";

export const getCreditsTool = defineTool({
  name: "get-credits",
  title: "Get credit balance",
  description: "Tells how many credits the user has left to spend on chat messages and jobs.",
  inputSchema: z.object({}),
  outputSchema: z.object({ balance: z.number() }),
  cost: 0,
  annotations: { readOnly: true, destructive: false, longRunning: false, idempotent: true },
  examples: [
    "how many credits do I have?",
    "what's my balance",
    "check my credit",
    "how much credit remain?",
  ],
  async execute(context) {
    return { balance: await context.credits.balance() };
  },
});
