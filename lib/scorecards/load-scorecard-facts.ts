import type { Db } from "@/lib/platform/db/types";
import { measureSlos, SLO_IDS, SLO_TITLES, sloUnit } from "@/lib/insights/measure-slos";
import type { EventApi } from "@/lib/asyncapi/extract-event-api";
import { violatesSemver } from "@/lib/versions/version-base";
import type { ScorecardFacts } from "./scorecard-checks";

/** What the checks read of a service's newest event version (its `api` as extract-event-api.ts wrote it). */
function eventFacts(newest: { createdAt: Date; api: unknown; lintReport: { errorCount: number } | null } | undefined): ScorecardFacts["events"] {
  if (!newest) return null;
  const messages = (newest.api as EventApi).messages;
  return {
    publishedAt: newest.createdAt,
    messages: messages.length,
    messagesWithoutExamples: messages.filter((message) => message.examples === 0).length,
    // Not linted yet counts as none: the lint job follows publishing within seconds.
    lintErrors: newest.lintReport?.errorCount ?? 0,
  };
}

/**
 * The facts every check needs, for the given services (all when none is given),
 * in a handful of queries whatever their number. "Has examples" is whether the stored document has an
 * `example` or `examples` key anywhere, read by PostgreSQL without loading the document.
 */
export async function loadScorecardFacts(db: Db, { serviceIds, changeWindowDays, now }: { serviceIds?: string[]; changeWindowDays: number; now: Date }) {
  const services = await db.service.findMany({
    where: serviceIds ? { id: { in: serviceIds } } : {},
    select: {
      id: true,
      description: true,
      lifecycle: true,
      sunsetAt: true,
      ownerships: { where: { isPrimary: true }, select: { team: { select: { chatChannel: true, email: true } } } },
      currentVersion: { select: { id: true, createdAt: true, lintReport: { select: { status: true, errorCount: true, byRule: true } } } },
      source: { select: { lastSuccessAt: true } },
      eventVersions: {
        orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
        take: 1,
        select: { createdAt: true, api: true, lintReport: { select: { errorCount: true } } },
      },
    },
  });
  const versionIds = services.flatMap((service) => (service.currentVersion ? [service.currentVersion.id] : []));
  const withExamples = versionIds.length
    ? await db.$queryRaw<{ apiVersionId: string }[]>`
        SELECT "apiVersionId" FROM "ApiDocument"
        WHERE "apiVersionId" = ANY(${versionIds}) AND (strpos(json, '"example":') > 0 OR strpos(json, '"examples":') > 0)`
    : [];
  const examples = new Set(withExamples.map((row) => row.apiVersionId));
  const violations = await db.apiVersion.groupBy({
    by: ["serviceId"],
    where: {
      semverViolation: true,
      pendingSince: null,
      createdAt: { gte: new Date(now.getTime() - changeWindowDays * 86_400_000) },
      ...(serviceIds ? { serviceId: { in: serviceIds } } : {}),
    },
    _count: { _all: true },
  });
  const violationsBy = new Map(violations.map((row) => [row.serviceId, row._count._all]));
  // Event versions keep no verdict of their own: judged here, from the version they followed and their breaking count.
  const eventViolations = await db.eventVersion.findMany({
    where: {
      breakingCount: { gt: 0 },
      createdAt: { gte: new Date(now.getTime() - changeWindowDays * 86_400_000) },
      ...(serviceIds ? { serviceId: { in: serviceIds } } : {}),
    },
    select: { serviceId: true, version: true, baseVersion: true, breakingCount: true },
  });
  for (const version of eventViolations)
    if (version.baseVersion && violatesSemver(version.baseVersion, version.version, version.breakingCount))
      violationsBy.set(version.serviceId, (violationsBy.get(version.serviceId) ?? 0) + 1);
  const measured = await measureSlos(db, now);
  const slosOf = (serviceId: string) =>
    SLO_IDS.flatMap((id) => {
      const figure = measured.summaries[id].byService.get(serviceId);
      const rule = measured.rules[id];
      return figure ? [{ title: SLO_TITLES[id], unit: sloUnit(id), statistic: rule.statistic, value: figure[rule.statistic], target: rule.target }] : [];
    });

  return services.map((service): { serviceId: string; facts: ScorecardFacts } => {
    const owner = service.ownerships[0]?.team ?? null;
    const current = service.currentVersion;
    const lint = current?.lintReport;
    return {
      serviceId: service.id,
      facts: {
        description: service.description,
        lifecycle: service.lifecycle,
        sunsetAt: service.sunsetAt,
        primaryOwner: owner,
        current: current
          ? {
              publishedAt: current.createdAt,
              hasExamples: examples.has(current.id),
              lint: lint
                ? {
                    status: lint.status,
                    errorCount: lint.errorCount,
                    undatedDeprecations: (lint.byRule as Record<string, number>)["house/sunset-on-deprecated"] ?? 0,
                  }
                : null,
            }
          : null,
        events: eventFacts(service.eventVersions[0]),
        sourceLastSuccessAt: service.source?.lastSuccessAt ?? null,
        recentSemverViolations: violationsBy.get(service.id) ?? 0,
        firstCallP50Seconds: measured.summaries.timeToFirstCall.byService.get(service.id)?.p50 ?? null,
        slos: slosOf(service.id),
      },
    };
  });
}
