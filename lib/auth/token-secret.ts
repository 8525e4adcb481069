import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "wf_";

/** A new token: 256 random bits, recognisable by its `wf_` prefix (so secret scanners can find leaks). */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored instead of the token. A plain SHA-256 is enough: the token is 256 random bits, so
 * there is nothing to guess, and a fast hash keeps the per-request lookup cheap.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The part of a token shown in lists, to tell tokens apart; far too short to use. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20;
}
