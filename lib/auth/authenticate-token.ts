import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { hashToken } from "./token-secret";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor behind a bearer token. Unknown, revoked and expired tokens are UNAUTHORIZED (never
 * treated as anonymous, so a CI job with a dead token fails loudly). Records last use, at most once a
 * minute per token.
 */
export async function authenticateToken(db: Db, token: string): Promise<Actor> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, prefix: true, teamId: true, serviceId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) throw new AppError("UNAUTHORIZED", "The API token is not valid.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", "The API token has been revoked.");
  const now = new Date();
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHORIZED", `The API token expired at ${row.expiresAt.toISOString()}.`);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { kind: "token", tokenId: row.id, label: `token "${row.name}" (${row.prefix}…)`, teamId: row.teamId, serviceId: row.serviceId };
}
