import { AppError } from "@/lib/platform/errors";
import type { Actor } from "./actor";

/** The teams "mine" means for this caller: a person's teams, or a token's team. */
export function myTeamIds(actor: Actor): string[] {
  if (actor.kind === "user") return Object.keys(actor.teamRoles);
  if (actor.kind === "token") return [actor.teamId];
  throw new AppError("UNAUTHORIZED", "Sign in to see the services of your teams.");
}
