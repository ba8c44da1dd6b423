import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("passwordProblem", () => {
  it("accepts a long passphrase with any characters", () => {
    expect(passwordProblem("okada to Yaba, abeg — 2 stops")).toBeNull();
  });

  it("refuses short, over-long, common and self-referential passwords with a reason", () => {
    expect(passwordProblem("short1")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("nollywood")).toMatch(/too common/);
    expect(passwordProblem("ada.obi@example.com", { email: "ada.obi@example.com" })).toMatch(/e-mail/);
  });

  it("counts characters, not bytes, so 8 emoji are 8 characters", () => {
    expect(passwordProblem("🎬🎬🎬🎬🎬🎬🎬🎬")).toBeNull();
  });
});
