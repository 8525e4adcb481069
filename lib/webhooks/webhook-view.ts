import type { Prisma } from "@/generated/prisma/client";
import type { WebhookEventType } from "@/lib/webhooks/webhook-events";

/** What a subscription shows (never its secret). */
export const webhookSelect = {
  id: true,
  url: true,
  format: true,
  events: true,
  description: true,
  includeConsumed: true,
  createdAt: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  team: { select: { slug: true } },
  service: { select: { slug: true } },
} satisfies Prisma.WebhookSubscriptionSelect;

type Row = Prisma.WebhookSubscriptionGetPayload<{ select: typeof webhookSelect }>;

export function toWebhookView(row: Row) {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    // Stored only through WebhookInput's enum (the column is text[]).
    events: row.events as WebhookEventType[],
    description: row.description,
    team: row.team?.slug ?? null,
    service: row.service?.slug ?? null,
    includeConsumed: row.includeConsumed,
    createdAt: row.createdAt.toISOString(),
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
  };
}

export type WebhookView = ReturnType<typeof toWebhookView>;
