import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/platform/env";
import { databaseTargetFromEnv } from "@/lib/platform/db/database-target";

describe("environment", () => {
  it("names the variable that is wrong and why", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty" })).toThrow(/DATABASE_URL: must be a postgres:\/\/[\s\S]*PORT:/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" })).toEqual({});
  });

  it("chooses PGlite under .data without DATABASE_URL, PostgreSQL with it", () => {
    expect(databaseTargetFromEnv(parseEnv({}))).toEqual({ kind: "pglite", dataDir: ".data/pglite" });
    expect(databaseTargetFromEnv(parseEnv({ WAYFINDER_DATA_DIR: "/tmp/w" }))).toEqual({ kind: "pglite", dataDir: "/tmp/w/pglite" });
    expect(databaseTargetFromEnv(parseEnv({ DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "s".repeat(32) }))).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
  });

  it("validates every Wayfinder variable, including those read deep in the code", () => {
    expect(() => parseEnv({ WAYFINDER_POLL_SECONDS: "abc" })).toThrow(/WAYFINDER_POLL_SECONDS: must be a whole number of seconds/);
    expect(() => parseEnv({ WAYFINDER_MAX_DOCUMENT_BYTES: "-1" })).toThrow(/WAYFINDER_MAX_DOCUMENT_BYTES: must be a positive whole number/);
    expect(() => parseEnv({ WAYFINDER_FETCH_ALLOW: "10.0.0.0/99" })).toThrow(/WAYFINDER_FETCH_ALLOW: "10\.0\.0\.0\/99" is not a valid CIDR range/);
    expect(() => parseEnv({ WAYFINDER_CONTENT_REPO_URL: "javascript:alert(1)" })).toThrow(/WAYFINDER_CONTENT_REPO_URL/);
    expect(() => parseEnv({ WAYFINDER_MIGRATE_ON_START: "maybe" })).toThrow(/WAYFINDER_MIGRATE_ON_START/);
    expect(parseEnv({ WAYFINDER_POLL_SECONDS: "0" }).WAYFINDER_POLL_SECONDS).toBe(0);
  });
});
