import { Webhook } from "standardwebhooks";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { isAppError } from "@/lib/platform/errors";
import { safeFetch } from "@/lib/platform/fetch/safe-fetch";
import { logger } from "@/lib/platform/logger";
import { eventSummary } from "./webhook-events";
import { decryptSecret } from "./webhook-secret";
import { isCallableEndpoint, type WebhookSettings } from "./webhook-settings";
import { metrics } from "@/lib/platform/metrics";

const EXCERPT = 500;

export type AttemptOutcome = "succeeded" | "retry" | "failed";

/** The body a receiver gets: the event as JSON, or for a Slack-compatible endpoint one line of text. */
function bodyFor(format: "standard" | "slack", payload: { type: string; data: Record<string, unknown> }): string {
  if (format === "standard") return JSON.stringify(payload);
  const service = payload.data.service as { name: string; slug: string } | undefined;
  return JSON.stringify({ text: eventSummary(payload.type, service ?? null, payload.data) });
}

/**
 * One attempt at one delivery: signed per Standard Webhooks (the event's id as `webhook-id`), sent
 * through the SSRF-safe fetcher (https, or http to a host WAYFINDER_WEBHOOK_ALLOW names), and recorded:
 * status, latency, the start of the answer. A subscription whose deliveries have failed for
 * `disableAfterHours` is disabled, and the audit log (which its team's page shows) says so.
 */
export async function attemptDelivery(db: Db, deliveryId: string, settings: WebhookSettings, { last }: { last: boolean }): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      status: true,
      event: { select: { id: true, payload: true, createdAt: true } },
      subscription: {
        select: { id: true, url: true, format: true, secretCipher: true, disabledAt: true, failingSince: true, team: { select: { slug: true } } },
      },
    },
  });
  if (!delivery || delivery.status === "succeeded") return "succeeded";
  const { subscription, event } = delivery;
  const started = performance.now();
  let status: number | null = null;
  let excerpt: string;
  try {
    if (subscription.disabledAt) throw new Error("The subscription is disabled.");
    if (!isCallableEndpoint(new URL(subscription.url), settings.policy))
      throw new Error("Only https endpoints are called (http only for hosts WAYFINDER_WEBHOOK_ALLOW names).");
    const body = bodyFor(subscription.format, event.payload as { type: string; data: Record<string, unknown> });
    // One reading of the clock for the signature and the timestamp header it signs.
    const sentAt = new Date();
    const signature = new Webhook(decryptSecret(subscription.secretCipher)).sign(event.id, sentAt, body);
    const response = await safeFetch(subscription.url, {
      policy: settings.policy,
      method: "POST",
      body: new TextEncoder().encode(body),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Wayfinder-Webhooks",
        "webhook-id": event.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      maxBytes: 64 * 1024,
      maxRedirects: 0,
      // An endpoint that has been failing gets less of a worker's time than a healthy one.
      signal: AbortSignal.timeout(subscription.failingSince ? settings.failingTimeoutMs : settings.timeoutMs),
      allowSetting: "WAYFINDER_WEBHOOK_ALLOW",
    });
    status = response.status;
    excerpt = new TextDecoder().decode(response.body.slice(0, EXCERPT));
  } catch (error) {
    excerpt = (isAppError(error) ? error.message : (error as Error).message).slice(0, EXCERPT);
  }
  const latencyMs = Math.round(performance.now() - started);
  const ok = status !== null && status >= 200 && status < 300;
  const outcome: AttemptOutcome = ok ? "succeeded" : last ? "failed" : "retry";
  metrics().webhookDeliveries.inc({ outcome });
  const now = new Date();
  await inTransaction(db, async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: outcome === "retry" ? "pending" : outcome,
        attempts: { increment: 1 },
        lastAttemptAt: now,
        responseStatus: status,
        latencyMs,
        responseExcerpt: excerpt,
      },
    });
    if (ok) {
      if (subscription.failingSince) await tx.webhookSubscription.update({ where: { id: subscription.id }, data: { failingSince: null } });
      return;
    }
    const failingSince = subscription.failingSince ?? now;
    const disable = !subscription.disabledAt && now.getTime() - failingSince.getTime() >= settings.disableAfterHours * 3_600_000;
    const reason = `Every delivery failed for ${settings.disableAfterHours} hours; the last: ${status ? `HTTP ${status}` : excerpt}`;
    await tx.webhookSubscription.update({
      where: { id: subscription.id },
      data: { failingSince, ...(disable ? { disabledAt: now, disabledReason: reason.slice(0, 500) } : {}) },
    });
    if (disable)
      await recordAudit(tx, systemActor("webhooks"), {
        action: "webhook.disable",
        entityType: "webhook",
        entityId: subscription.id,
        entityKey: subscription.team?.slug ?? "*",
        after: { url: subscription.url, reason },
      });
  });
  logger.info({ event: "webhook.attempt", deliveryId, outcome, status, ms: latencyMs }, "webhook delivery attempted");
  return outcome;
}
