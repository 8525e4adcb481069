import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { sessionActor } from "@/lib/auth/session-actor";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { AppError, isAppError } from "@/lib/platform/errors";
import { clientAddress } from "@/lib/platform/http/client-address";
import { assertNotThrottled, countAttempt, TOKEN_FAILURES } from "@/lib/platform/security/rate-limit";

/**
 * Who is making an API request: a bearer token if one is sent (and valid: a bad one is a 401, never
 * anonymous), otherwise the session cookie.
 */
export async function requestActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("UNAUTHORIZED", "The Authorization header must be `Bearer <token>`.");
    return tokenActor(request, match[1]);
  }
  return sessionActor();
}

/** The actor of an API token sent with a request (a bad one is a 401; many bad ones from one client, 429). */
export async function tokenActor(request: Request, token: string): Promise<Actor> {
  const db = await getDb();
  // A valid token is never refused for failures from its address (one NAT, one attacker, and the
  // team's CI would be locked out): tokens are 256-bit random, so throttling does not protect them
  // from guessing; it bounds the work and the noise of bad ones. After TOKEN_FAILURES failed
  // tokens from one client (the socket's address, see client-address.ts) in a window, further
  // bad tokens from it get 429.
  try {
    return await authenticateToken(db, token);
  } catch (error) {
    if (!isAppError(error) || error.code !== "UNAUTHORIZED") throw error;
    const client = clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false);
    await assertNotThrottled(db, TOKEN_FAILURES, client);
    await countAttempt(db, TOKEN_FAILURES, client);
    throw error;
  }
}
