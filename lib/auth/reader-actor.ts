import "server-only";
import { redirect } from "next/navigation";
import { authSettings } from "@/lib/auth/auth-settings";
import { sessionActor } from "@/lib/auth/session-actor";
import type { Actor } from "@/lib/auth/actor";

/**
 * The actor for a page. With WAYFINDER_REQUIRE_SIGNIN=true an anonymous reader is sent to sign in,
 * and brought back to `path` afterwards.
 */
export async function readerActor(path: string): Promise<Actor> {
  const actor = await sessionActor();
  if (actor.kind === "anonymous" && authSettings().requireSignIn) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

/** The actor for a page that needs someone signed in. */
export async function signedInActor(path: string): Promise<Extract<Actor, { kind: "user" }>> {
  const actor = await sessionActor();
  if (actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}
