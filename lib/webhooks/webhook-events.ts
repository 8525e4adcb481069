/** The events a subscription may ask for; their payloads are described in Wayfinder's contract (`webhooks`). */
export const WEBHOOK_EVENTS = [
  "version.published",
  "change.breaking",
  "change.approved",
  "service.deprecated",
  "service.sunset_approaching",
  "lint.failed",
  "ownership.changed",
  "scorecard.level_changed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What each event says, in one line, for chat (the Slack-compatible format) and for people. */
export function eventSummary(type: string, service: { name: string; slug: string } | null, data: Record<string, unknown>): string {
  const name = service ? `${service.name} (${service.slug})` : "Wayfinder";
  switch (type) {
    case "version.published":
      return `${name}: version ${String(data.version)} published${data.kind === "revision" ? " as a new revision" : ""}.`;
    case "change.breaking": {
      const consumers = data.consumers as { service: { name: string } }[] | null | undefined;
      const touched = !consumers
        ? ""
        : consumers.length
          ? ` It breaks ${consumers.length} consumer${consumers.length === 1 ? "" : "s"}: ${consumers
              .slice(0, 5)
              .map((consumer) => consumer.service.name)
              .join(", ")}${consumers.length > 5 ? ` and ${consumers.length - 5} more` : ""}.`
          : " It touches no known consumer.";
      return `${name}: ${String(data.breaking)} breaking change${data.breaking === 1 ? "" : "s"} in ${String(data.version)} since ${String(data.baseVersion)}.${touched}`;
    }
    case "service.deprecated":
      return `${name} is deprecated${data.sunsetDate ? `; it goes away on ${String(data.sunsetDate)}` : ""}.`;
    case "change.approved":
      return `${name}: a breaking change (${String(data.ruleId)} at ${String(data.target)}) was approved by ${String(data.approvedBy)}: ${String(data.reason)}`;
    case "service.sunset_approaching":
      return data.operation
        ? `${name}: ${String(data.operation)} goes away on ${String(data.sunsetDate)} (in ${String(data.daysLeft)} days).`
        : `${name} goes away on ${String(data.sunsetDate)} (in ${String(data.daysLeft)} days).`;
    case "lint.failed":
      return `${name}: version ${String(data.version)} breaks ${String(data.errorCount)} house rule${data.errorCount === 1 ? "" : "s"}.`;
    case "ownership.changed":
      return `${name} is now owned by ${String(data.primaryOwner)}.`;
    case "scorecard.level_changed":
      return `${name}: scorecard level ${String(data.from ?? "none")} → ${String(data.to ?? "none")}.`;
    case "webhook.test":
      return `Wayfinder test event for this webhook.`;
    default:
      return `${name}: ${type}.`;
  }
}
