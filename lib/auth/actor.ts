import type { MemberRole } from "@/generated/prisma/enums";

/** Who is acting: nobody, a signed-in person, an API token, or the system itself (seed, start-up). */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; email: string; name: string; isAdmin: boolean; teamRoles: Record<string, MemberRole> }
  | { kind: "token"; tokenId: string; label: string; teamId: string; serviceId: string | null }
  | { kind: "system"; label: string };

export type UserActor = Extract<Actor, { kind: "user" }>;

export const anonymous: Actor = { kind: "anonymous" };
export const systemActor = (label: string): Actor => ({ kind: "system", label });

/** How the audit log names an actor. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "anonymous":
      return "anonymous";
    case "user":
      return actor.email;
    case "token":
      return actor.label;
    case "system":
      return actor.label;
  }
}
