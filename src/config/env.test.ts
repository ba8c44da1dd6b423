import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env.ts";

describe("parseConfig", () => {
  it("runs embedded with no environment at all", () => {
    const config = parseConfig({});
    expect(config.databaseMode).toBe("pglite");
    expect(config.PORT).toBe(3000);
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.EMAIL_VERIFICATION_REQUIRED).toBe(true);
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("switches to the PostgreSQL server when DATABASE_URL is set, and honours NOLLYAI_DATA_DIR", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://studio@db:5432/studio",
      NOLLYAI_DATA_DIR: "/srv/nollyai",
    });
    expect(config.databaseMode).toBe("postgres");
    expect(config.dataDir).toBe("/srv/nollyai");
  });

  it("stops with one message naming each bad variable and what is expected", () => {
    let thrown: unknown;
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", EMAIL_VERIFICATION_REQUIRED: "maybe" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/PORT: expected a port number .*"eighty"/);
    expect(message).toMatch(/DATABASE_URL: expected a postgres:\/\//);
    expect(message).toMatch(/EMAIL_VERIFICATION_REQUIRED: expected true or false/);
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" }).databaseMode).toBe("pglite");
  });
});
