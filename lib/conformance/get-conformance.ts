import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import type { FindingKind } from "./finding-kinds";
import { checkedVersionRow } from "./checked-version";

const LISTED_FINDINGS = 200;
const LISTED_RUNS = 20;

/**
 * How a version of a service holds up against its contract: per source (Try it out, verify, traffic)
 * how many exchanges were checked and how many departed from it, the latest runs, and the findings,
 * most recently seen first. Readable like the rest of the catalogue.
 */
export async function getConformance(db: Db, { actor, slug, version }: { actor: Actor; slug: string; version?: string }) {
  assertMayRead(actor);
  const service = await db.service.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  const row = await checkedVersionRow(db, service, version);
  const [totals, runs, findings, findingCount] = await Promise.all([
    db.conformanceRun.groupBy({
      by: ["source"],
      where: { versionId: row.id },
      _sum: { exchanges: true, mismatched: true },
      _max: { updatedAt: true },
    }),
    db.conformanceRun.findMany({
      where: { versionId: row.id, source: { in: ["verify", "traffic"] } },
      orderBy: { createdAt: "desc" },
      take: LISTED_RUNS,
      select: { id: true, source: true, exchanges: true, mismatched: true, createdBy: true, createdAt: true },
    }),
    db.conformanceFinding.findMany({
      where: { versionId: row.id },
      orderBy: [{ lastSeenAt: "desc" }, { count: "desc" }],
      take: LISTED_FINDINGS,
      select: { source: true, operation: true, kind: true, pointer: true, rule: true, message: true, count: true, firstSeenAt: true, lastSeenAt: true },
    }),
    db.conformanceFinding.count({ where: { versionId: row.id } }),
  ]);
  return {
    version: row.version,
    revision: row.revision,
    sources: totals.map((total) => ({
      source: total.source,
      exchanges: total._sum.exchanges ?? 0,
      mismatched: total._sum.mismatched ?? 0,
      lastCheckedAt: total._max.updatedAt?.toISOString() ?? null,
    })),
    runs: runs.map((run) => ({ ...run, createdAt: run.createdAt.toISOString() })),
    findingCount,
    findings: findings.map((finding) => ({
      ...finding,
      // Written only from FINDING_KINDS (finding-kinds.ts, or the verify schema's enum).
      kind: finding.kind as FindingKind,
      firstSeenAt: finding.firstSeenAt.toISOString(),
      lastSeenAt: finding.lastSeenAt.toISOString(),
    })),
  };
}

export type ConformanceView = Awaited<ReturnType<typeof getConformance>>;
