import type { Lifecycle } from "@/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const lifecycleTone: Record<Lifecycle, BadgeTone> = { experimental: "violet", production: "green", deprecated: "amber", retired: "slate" };

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  return <Badge tone={lifecycleTone[lifecycle]}>{lifecycle}</Badge>;
}
