import { describe, expect, test } from "vitest";
import { formatBytes, formatEta, toolLabel } from "./format.ts";

describe("format", () => {
  test("sizes in readable units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2874)).toBe("2.8 KB");
    expect(formatBytes(1.6 * 1024 * 1024)).toBe("1.6 MB");
  });

  test("ETAs in seconds, minutes or hours; nothing for unknown", () => {
    expect(formatEta(42.2)).toBe("43 s left");
    expect(formatEta(125)).toBe("3 min left");
    expect(formatEta(null)).toBeNull();
    expect(formatEta(-1)).toBeNull();
  });

  test("tool names as words", () => {
    expect(toolLabel("delete-project")).toBe("Delete project");
  });
});
