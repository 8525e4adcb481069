import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { env } from "@/lib/platform/env";

/**
 * A person's watched-changes feed is read by feed readers, which hold no session: its link carries
 * the person's id and a key derived from it with the portal's secret (HMAC-SHA-256), so nothing is
 * stored and nobody can read another's feed. Changing NEXTAUTH_SECRET changes every key.
 */
export function feedKey(userId: string): string {
  return createHmac("sha256", `wayfinder watch feeds:${resolveAuthSecret(env())}`)
    .update(userId)
    .digest("base64url");
}

export function isFeedKey(userId: string, key: string): boolean {
  const expected = Buffer.from(feedKey(userId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
