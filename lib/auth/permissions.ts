import { AppError } from "@/lib/platform/errors";
import type { Actor } from "./actor";

/**
 * Who may do what. Every mutation calls one of the `assert…` functions on the server, in the domain
 * function that makes the change, so no caller (route, page, script) can skip it.
 *
 * - admins and the system may do anything;
 * - a person may register a service owned only by teams they belong to;
 * - maintainers of an owning team edit, transfer and archive a service, and manage their team;
 * - a token acts within its scope: its team's services, or its one service; it manages nothing else.
 */
const isSuper = (actor: Actor) => actor.kind === "system" || (actor.kind === "user" && actor.isAdmin);

const isMaintainerOf = (actor: Actor, teamId: string) => actor.kind === "user" && actor.teamRoles[teamId] === "maintainer";

export function canCreateTeam(actor: Actor, openTeams: boolean): boolean {
  return isSuper(actor) || (openTeams && actor.kind === "user");
}

export function canManageTeam(actor: Actor, teamId: string): boolean {
  return isSuper(actor) || isMaintainerOf(actor, teamId);
}

export function canRegisterService(actor: Actor, ownerTeamIds: string[]): boolean {
  if (isSuper(actor)) return true;
  if (actor.kind === "user") return ownerTeamIds.every((teamId) => teamId in actor.teamRoles);
  if (actor.kind === "token") return actor.serviceId === null && ownerTeamIds.every((teamId) => teamId === actor.teamId);
  return false;
}

/** Whether the actor could register some service at all (for which teams is checked with the input). */
export function mayRegisterAnyService(actor: Actor): boolean {
  if (isSuper(actor)) return true;
  if (actor.kind === "user") return Object.keys(actor.teamRoles).length > 0;
  return actor.kind === "token" && actor.serviceId === null;
}

export function canEditService(actor: Actor, service: { id: string; ownerTeamIds: string[] }): boolean {
  if (isSuper(actor)) return true;
  if (actor.kind === "user") return service.ownerTeamIds.some((teamId) => actor.teamRoles[teamId] === "maintainer");
  // A token's rights follow current ownership: once its team no longer owns the service (after a
  // transfer), even a token scoped to that very service can do nothing with it.
  if (actor.kind === "token") return service.ownerTeamIds.includes(actor.teamId) && (actor.serviceId === null || actor.serviceId === service.id);
  return false;
}

/** People who maintain the service (or admins): they see, and may revoke, every token that can act on it. */
export function canManageServiceTokens(actor: Actor, service: { ownerTeamIds: string[] }): boolean {
  if (isSuper(actor)) return true;
  return actor.kind === "user" && service.ownerTeamIds.some((teamId) => actor.teamRoles[teamId] === "maintainer");
}

/**
 * Who may publish breaking changes past a `block` policy with a reason: the service's maintainers (or
 * admins), and a token of a team that owns it (a CI job running `wayfinder publish --accept-breaking`):
 * only maintainers create tokens, so a token is a maintainer's delegation. A member who is not a
 * maintainer may not. The reason and who gave it are audited (`version.publish_breaking`).
 */
export function canAcceptBreaking(actor: Actor, service: { id: string; ownerTeamIds: string[] }): boolean {
  if (canManageServiceTokens(actor, service)) return true;
  return actor.kind === "token" && service.ownerTeamIds.includes(actor.teamId) && (actor.serviceId === null || actor.serviceId === service.id);
}

/** Teams a person may newly add as owners of a service: their own, or any for admins. */
export function canAssignOwner(actor: Actor, teamId: string): boolean {
  if (isSuper(actor)) return true;
  if (actor.kind === "user") return teamId in actor.teamRoles;
  if (actor.kind === "token") return actor.serviceId === null && actor.teamId === teamId;
  return false;
}

/**
 * What readers see. Anonymous readers (a portal without WAYFINDER_REQUIRE_SIGNIN) see people's names,
 * never their emails; anyone signed in, or a token, sees colleagues' emails.
 */
export function canSeeEmails(actor: Actor): boolean {
  return actor.kind !== "anonymous";
}

/**
 * Token metadata (name, prefix, who made it, a token as the actor of a change) is for those who
 * manage it: admins and maintainers of the teams concerned (the token's team, or the owners of the
 * service it acted on).
 */
export function canSeeTokenDetails(actor: Actor, teamIds: readonly string[]): boolean {
  if (isSuper(actor)) return true;
  return actor.kind === "user" && teamIds.some((teamId) => actor.teamRoles[teamId] === "maintainer");
}

export function isAdmin(actor: Actor): boolean {
  return isSuper(actor);
}

/** 401 for nobody, 403 for someone not allowed. */
export function deny(actor: Actor, what: string): never {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", `Sign in (or send an API token) to ${what}.`);
  throw new AppError("FORBIDDEN", `You are not allowed to ${what}.`);
}

export function assert(allowed: boolean, actor: Actor, what: string): void {
  if (!allowed) deny(actor, what);
}
