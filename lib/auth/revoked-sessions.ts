import type { Db } from "@/lib/platform/db/types";

/**
 * Sessions are JWTs; a copy of the cookie would stay valid until it expires. Signing out records the
 * session's id here so that every instance refuses it from then on. Rows outlive the session by
 * nothing: they are dropped once it would have expired anyway.
 */
export async function revokeSession(db: Db, sessionId: string, maxAgeSeconds: number): Promise<void> {
  const expiresAt = new Date(Date.now() + maxAgeSeconds * 1000);
  await db.revokedSession.upsert({ where: { sessionId }, create: { sessionId, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

export async function isSessionRevoked(db: Db, sessionId: string): Promise<boolean> {
  return (await db.revokedSession.count({ where: { sessionId } })) > 0;
}
