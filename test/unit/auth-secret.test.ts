import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { parseEnv } from "@/lib/platform/env";

describe("the session secret", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is generated once into an absolute data folder, readable by its owner only, and reused", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-secret-"));
    const env = parseEnv({ WAYFINDER_DATA_DIR: dir });
    const secret = resolveAuthSecret(env);
    const file = path.join(dir, "auth-secret");
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, "utf8")).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(env)).toBe(secret);
    expect(existsSync(path.join(process.cwd(), dir))).toBe(false);
  });

  it("comes from NEXTAUTH_SECRET when set", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-secret-"));
    expect(resolveAuthSecret(parseEnv({ NEXTAUTH_SECRET: "s".repeat(40), WAYFINDER_DATA_DIR: dir }))).toBe("s".repeat(40));
    expect(existsSync(path.join(dir, "auth-secret"))).toBe(false);
  });
});
