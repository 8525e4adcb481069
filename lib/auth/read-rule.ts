import type { Actor } from "@/lib/auth/actor";
import { authSettings } from "@/lib/auth/auth-settings";
import { AppError } from "@/lib/platform/errors";

/** Refuses anonymous readers when WAYFINDER_REQUIRE_SIGNIN=true. */
export function assertMayRead(actor: Actor): void {
  if (authSettings().requireSignIn && actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to read this portal.");
}
