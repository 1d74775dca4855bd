import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseAppEnv, parseLaunchEnv } from "./env";

const message = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
};

describe("launch environment", () => {
  it("defaults to the embedded database in ./.data on port 3000", () => {
    const env = parseLaunchEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.mediaDir).toBe(path.resolve(".data/media"));
    expect(env.MASTHEAD_MIGRATE_ON_START).toBe(true);
  });

  it("accepts a PostgreSQL URL and settings", () => {
    const env = parseLaunchEnv({
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/news",
      PORT: "8080",
      MASTHEAD_MIGRATE_ON_START: "false",
      MASTHEAD_DATA_DIR: "/var/lib/masthead",
    });
    expect(env).toMatchObject({ PORT: 8080, MASTHEAD_MIGRATE_ON_START: false, dataDir: "/var/lib/masthead" });
  });

  it("treats empty variables as unset", () => {
    expect(parseLaunchEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x@y/z" }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ DATABASE_URL: "not a url" }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ PORT: "eighty" }, /^PORT must be a port number/],
    [{ PORT: "70000" }, /^PORT must be between 1 and 65535/],
    [{ PORT: "80.5" }, /^PORT must be a whole number/],
    [{ MASTHEAD_MIGRATE_ON_START: "maybe" }, /^MASTHEAD_MIGRATE_ON_START must be true or false/],
    [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET must be at least 32 characters/],
  ])("names the variable in one line: %o", (source, expected) => {
    const text = message(() => parseLaunchEnv(source));
    expect(text).toMatch(expected);
    expect(text).not.toContain("\n");
  });
});

describe("app environment", () => {
  it("requires DATABASE_URL and NEXTAUTH_SECRET", () => {
    expect(message(() => parseAppEnv({}))).toBe("DATABASE_URL is required");
    expect(message(() => parseAppEnv({ DATABASE_URL: "postgres://a@b/c" }))).toBe("NEXTAUTH_SECRET is required");
    expect(parseAppEnv({ DATABASE_URL: "postgres://a@b/c", NEXTAUTH_SECRET: "x".repeat(32) }).mediaDir).toBe(
      path.resolve(".data/media"),
    );
  });
});

describe("the newsroom's language", () => {
  const base = { DATABASE_URL: "postgres://a@b/c", NEXTAUTH_SECRET: "x".repeat(32) };
  it("is English unless set, and kept in canonical form", () => {
    expect(parseAppEnv(base).MASTHEAD_LANGUAGE).toBe("en");
    expect(parseAppEnv({ ...base, MASTHEAD_LANGUAGE: "AR" }).MASTHEAD_LANGUAGE).toBe("ar");
    expect(parseAppEnv({ ...base, MASTHEAD_LANGUAGE: "pt-br" }).MASTHEAD_LANGUAGE).toBe("pt-BR");
  });
  it("refuses what is not a language tag, by name", () => {
    expect(message(() => parseAppEnv({ ...base, MASTHEAD_LANGUAGE: "English" }))).toBe(
      "MASTHEAD_LANGUAGE must be a BCP 47 language tag such as en, en-GB, ar or pt-BR",
    );
  });
});
