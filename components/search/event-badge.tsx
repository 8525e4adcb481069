import type { EventHit } from "@/lib/search/search-everything";
import { MethodBadge } from "./method-badge";

/** What an event search hit is, in words: an operation by its direction, else `channel` or `message`. */
export const eventLabel = (hit: Pick<EventHit, "kind" | "action">) => (hit.kind === "operation" ? (hit.action === "send" ? "sends" : "receives") : hit.kind);

/** An event hit's kind, beside HTTP methods' badges. */
export function EventBadge({ label }: { label: string }) {
  return <MethodBadge method={label} wide />;
}
