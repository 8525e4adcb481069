import type { Change, ChangeConsumer } from "./diff-types";

export interface ConsumerTally {
  service: { slug: string; name: string };
  teams: { slug: string; name: string }[];
  /** How many breaking, and potentially breaking, changes touch it. */
  breaking: number;
  warning: number;
}

/**
 * The consumers a version's changes touch, once each, with how many breaking and potentially breaking
 * changes touch them, most broken first; null when consumers were not looked up (a version published
 * before Wayfinder knew consumers), [] when none is touched.
 */
export function tallyConsumers(changes: Change[]): ConsumerTally[] | null {
  const relevant = changes.filter((change) => change.level !== "info");
  if (relevant.some((change) => change.consumers === undefined)) return null;
  const touched = new Map<string, ConsumerTally>();
  for (const change of relevant)
    for (const consumer of change.consumers ?? []) {
      const known = touched.get(consumer.service.slug) ?? { service: consumer.service, teams: consumer.teams, breaking: 0, warning: 0 };
      if (change.level === "breaking") known.breaking += 1;
      else known.warning += 1;
      touched.set(consumer.service.slug, known);
    }
  return [...touched.values()].sort((a, b) => b.breaking - a.breaking || a.service.name.localeCompare(b.service.name));
}

/** "breaks 3 consumers: Checkout (2 operations), Storefront (whole API), …" — how pages and the CLI say it. */
export function describeConsumers(consumers: ChangeConsumer[] | undefined, level: Change["level"]): string | null {
  if (!consumers) return null;
  if (!consumers.length) return "touches no known consumer";
  const verb = level === "breaking" ? "breaks" : "may break";
  const named = consumers.slice(0, 5).map((consumer) => {
    const what = consumer.operations.length ? `${consumer.operations.length} operation${consumer.operations.length === 1 ? "" : "s"}` : "whole API";
    const seen = consumer.evidence.includes("observed") && !consumer.evidence.includes("declared") ? ", seen" : "";
    return `${consumer.service.name} (${what}${seen})`;
  });
  const more = consumers.length > 5 ? `, and ${consumers.length - 5} more` : "";
  return `${verb} ${consumers.length} consumer${consumers.length === 1 ? "" : "s"}: ${named.join(", ")}${more}`;
}
