import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { databaseTargetFromEnv } from "@/lib/db/database-target";

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
    expect(databaseTargetFromEnv(parseEnv({ DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "s".repeat(32) }))).toEqual({ kind: "postgres", url: "postgres://u@h/db" });
  });
});
