import { describe, expect, test } from "vitest";
import { chatErrorText } from "./chat-error-text.ts";

describe("chatErrorText", () => {
  test("shows the server's message from its JSON error body", () => {
    const error = new Error(
      JSON.stringify({ error: { code: "payment_required:credits", message: "Not enough credits: top up." } }),
    );
    expect(chatErrorText(error)).toEqual({ text: "Not enough credits: top up.", connection: false });
  });

  test("says a dropped connection is a connection problem and that the message is kept", () => {
    const result = chatErrorText(new TypeError("Failed to fetch"));
    expect(result.connection).toBe(true);
    expect(result.text).toMatch(/connection .* lost.*kept/i);
  });
});
