import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { adrStatuses } from "@/lib/content/collections";

const tones: Record<(typeof adrStatuses)[number], BadgeTone> = {
  proposed: "violet",
  accepted: "green",
  rejected: "slate",
  deprecated: "amber",
  superseded: "amber",
};

export function AdrStatusBadge({ status }: { status: (typeof adrStatuses)[number] }) {
  return <Badge tone={tones[status]}>{status}</Badge>;
}
