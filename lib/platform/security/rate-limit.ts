import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";

export interface RateLimit {
  /** What is limited, e.g. "token-failure"; the bucket key is `${action}:${client}`. */
  action: string;
  max: number;
  windowSeconds: number;
}

/** Failed token authentications and sign-in attempts per client: generous for people, useless for guessing. */
export const TOKEN_FAILURES: RateLimit = { action: "token-failure", max: 20, windowSeconds: 60 };
export const SIGN_IN_ATTEMPTS: RateLimit = { action: "sign-in", max: 20, windowSeconds: 60 };

function windowOf(limit: RateLimit, now: Date): { start: Date; end: Date } {
  const size = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start), end: new Date(start + size) };
}

function tooMany(limit: RateLimit, retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", `Too many attempts from this client; try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    limit: limit.max,
    windowSeconds: limit.windowSeconds,
  });
}

/**
 * Counts one attempt in the database (one upsert, atomic on PostgreSQL and PGlite alike, so every
 * instance shares the count) and throws TOO_MANY_REQUESTS once the window's budget is spent.
 */
export async function countAttempt(db: Db, limit: RateLimit, client: string, now = new Date()): Promise<void> {
  const { start, end } = windowOf(limit, now);
  const key = `${limit.action}:${client}`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  if (Number(rows[0]?.count ?? 0) > limit.max) throw tooMany(limit, Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)));
}

/** Refuses at once when the client already spent this window's budget (without counting). */
export async function assertNotThrottled(db: Db, limit: RateLimit, client: string, now = new Date()): Promise<void> {
  const { start, end } = windowOf(limit, now);
  const bucket = await db.rateLimitBucket.findUnique({
    where: { key_windowStart: { key: `${limit.action}:${client}`, windowStart: start } },
    select: { count: true },
  });
  if (bucket && bucket.count >= limit.max) throw tooMany(limit, Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)));
}

/** Drops windows that ended long ago. */
export async function pruneRateLimits(db: Db, olderThan = new Date(Date.now() - 3_600_000)): Promise<number> {
  return (await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } })).count;
}
