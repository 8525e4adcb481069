import { isNamedByPolicy, parseFetchPolicy, urlPort, type FetchPolicy } from "@/lib/platform/fetch-policy";
import { env } from "@/lib/platform/env";

export interface WebhookSettings {
  /** Internal hosts deliveries may reach (WAYFINDER_WEBHOOK_ALLOW); public ones need nothing. */
  policy: FetchPolicy;
  retryDelaySeconds: number;
  /** Attempts before a delivery is given up: the first and its retries. */
  attempts: number;
  disableAfterHours: number;
  timeoutMs: number;
  /** The timeout for an endpoint whose deliveries have been failing: it may not hold a worker as long. */
  failingTimeoutMs: number;
  /** Deliveries of one team handed to the queue and not yet settled, at most: one team's slow endpoints cannot fill every worker. */
  perTeamInFlight: number;
}

export function webhookSettings(): WebhookSettings {
  const config = env();
  return {
    policy: parseFetchPolicy(config.WAYFINDER_WEBHOOK_ALLOW),
    retryDelaySeconds: config.WAYFINDER_WEBHOOK_RETRY_SECONDS ?? 30,
    attempts: 8,
    disableAfterHours: config.WAYFINDER_WEBHOOK_DISABLE_AFTER_HOURS ?? 72,
    timeoutMs: 10_000,
    failingTimeoutMs: 3_000,
    perTeamInFlight: 6,
  };
}

/** Whether an endpoint may be called at all: https, or plain http to a host WAYFINDER_WEBHOOK_ALLOW names. */
export function isCallableEndpoint(url: URL, policy: FetchPolicy): boolean {
  return url.protocol === "https:" || isNamedByPolicy(policy, url.hostname, urlPort(url));
}
