import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/auth-settings";
import { loadUserActor } from "@/lib/auth/load-user-actor";
import { authOptions } from "@/lib/auth/next-auth-options";
import { isSessionRevoked } from "@/lib/auth/revoked-sessions";
import { getDb } from "@/lib/platform/db/database";

/**
 * The person signed in through the session cookie, or anonymous. Memoised per server render (the
 * header, the page and its guards all ask); outside a render, such as in route handlers, it runs each
 * time.
 */
export const sessionActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return anonymous;
  const db = await getDb();
  // A session signed out elsewhere (or one issued before sessions had ids) counts for nothing.
  const sid = (session as { sid?: unknown }).sid;
  if (typeof sid !== "string" || (await isSessionRevoked(db, sid))) return anonymous;
  return loadUserActor(db, userId, authSettings().adminEmails);
});
