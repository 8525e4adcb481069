import { z } from "zod";
import { fetchableUrl } from "@/lib/platform/http/http-url";
import { slugSchema } from "@/lib/slug";
import { WEBHOOK_EVENTS } from "./webhook-events";

/** A subscription as `POST /api/v1/webhooks` (and the team page) gives it. */
export const webhookInputSchema = z
  .object({
    // A URL the portal calls: http(s), no user name or password in it (the same rules as document URLs).
    url: fetchableUrl,
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "choose at least one event").max(WEBHOOK_EVENTS.length),
    format: z.enum(["standard", "slack"]).default("standard"),
    /** One service of the team, rather than all of them (team subscriptions only). */
    service: slugSchema.optional(),
    description: z.string().trim().max(200, "must be at most 200 characters").default(""),
    /** A team subscription also hears `change.breaking` of the APIs its services consume, when a change touches them. */
    includeConsumed: z.boolean().default(false),
  })
  .strict();

export type WebhookInput = z.input<typeof webhookInputSchema>;
