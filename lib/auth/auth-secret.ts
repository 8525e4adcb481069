import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/platform/env";

/**
 * The key that signs and encrypts session JWTs: NEXTAUTH_SECRET, or for the embedded default one
 * generated once and kept in the data folder (readable by this user only). With DATABASE_URL the
 * environment check already insists on NEXTAUTH_SECRET, because every instance must share it.
 */
export function resolveAuthSecret(env: Env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.WAYFINDER_DATA_DIR ?? ".data", "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("hex");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
