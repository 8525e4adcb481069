import type { Actor } from "@/lib/auth/actor";

/**
 * Who is asking, for bounding per-caller work: the person or token, or for anonymous readers the
 * address that connected (`peer`, from clientAddress or the X-Wayfinder-Peer header a page reads).
 */
export function callerKey(actor: Actor, peer: string | null): string {
  if (actor.kind === "user") return `user:${actor.userId}`;
  if (actor.kind === "token") return `token:${actor.tokenId}`;
  if (actor.kind === "system") return `system:${actor.label}`;
  return `anonymous:${peer ?? "unknown"}`;
}
