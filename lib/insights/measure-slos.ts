import { sloTargets, type SloTargets } from "@/lib/governance/slo-targets";
import type { Db } from "@/lib/platform/db/types";
import { summarizeSamples, type Figure, type Sample, type Summary } from "@/lib/platform/stats/summarize-samples";
import { firstCallSamples } from "@/lib/try-it/first-call/time-to-first-call";
import { freshnessSamples } from "./docs-freshness";
import { newEndpointSamples } from "./new-endpoint-time";
import { checkedReleases, defectSamples, type CheckedRelease } from "./serialization-defects";

/** The window every DX-SLO covers, and its trend's. */
export const SLO_WINDOW_DAYS = 90;

export const SLO_IDS = ["timeToFirstCall", "docsFreshness", "timeToNewEndpoint", "serializationDefects"] as const;
export type SloId = (typeof SLO_IDS)[number];

export const SLO_TITLES: Record<SloId, string> = {
  timeToFirstCall: "Time to first successful call",
  docsFreshness: "Docs freshness",
  timeToNewEndpoint: "Time to a new endpoint",
  serializationDefects: "Serialization defects per release",
};

/** What each SLO's figures count in. */
export const sloUnit = (id: SloId) => (id === "serializationDefects" ? ("defects" as const) : ("seconds" as const));

/** How each SLO is held to its target: a time's 90th percentile in seconds, or defects' mean per release. */
export interface SloRule {
  statistic: "p90" | "mean";
  target: number;
}

export function sloRules(targets: SloTargets): Record<SloId, SloRule> {
  return {
    timeToFirstCall: { statistic: "p90", target: targets.timeToFirstCall.p90Minutes * 60 },
    docsFreshness: { statistic: "p90", target: targets.docsFreshness.p90Minutes * 60 },
    timeToNewEndpoint: { statistic: "p90", target: targets.timeToNewEndpoint.p90Days * 86_400 },
    serializationDefects: { statistic: "mean", target: targets.serializationDefects.perRelease },
  };
}

/** Whether a figure meets its SLO; null when nothing was measured. */
export function meets(rule: SloRule, figure: Figure | null | undefined): boolean | null {
  return figure ? figure[rule.statistic] <= rule.target : null;
}

export interface MeasuredSlos {
  rules: Record<SloId, SloRule>;
  summaries: Record<SloId, Summary>;
  releases: CheckedRelease[];
}

/**
 * The four DX-SLOs over the last 90 days, per service, team and company, with a weekly trend, beside
 * the targets of governance/slos.yaml. No reader check: /insights (lib/insights/dx-slos.ts) and the
 * scorecard check call it, the first after asserting who reads.
 */
export async function measureSlos(db: Db, now = new Date(), targets = sloTargets()): Promise<MeasuredSlos> {
  const since = new Date(now.getTime() - SLO_WINDOW_DAYS * 86_400_000);
  const [firstCalls, freshness, newEndpoints, releases] = await Promise.all([
    firstCallSamples(db, { since, now }),
    freshnessSamples(db, since, now),
    newEndpointSamples(db, since, now),
    checkedReleases(db, since, now),
  ]);
  const samples: Record<SloId, Sample[]> = {
    timeToFirstCall: firstCalls,
    docsFreshness: freshness,
    timeToNewEndpoint: newEndpoints,
    serializationDefects: defectSamples(releases),
  };
  const serviceIds = [...new Set(Object.values(samples).flatMap((list) => list.map((sample) => sample.serviceId)))];
  const owners = serviceIds.length
    ? await db.serviceOwnership.findMany({ where: { serviceId: { in: serviceIds } }, select: { serviceId: true, teamId: true } })
    : [];
  const teamsOf = new Map<string, string[]>();
  for (const { serviceId, teamId } of owners) teamsOf.set(serviceId, [...(teamsOf.get(serviceId) ?? []), teamId]);
  const summaries = Object.fromEntries(SLO_IDS.map((id) => [id, summarizeSamples(samples[id], teamsOf, now, SLO_WINDOW_DAYS)])) as Record<SloId, Summary>;
  return { rules: sloRules(targets), summaries, releases };
}
