import type { Actor } from "@/lib/auth/actor";
import { type Db } from "@/lib/platform/db/types";
import { env } from "@/lib/platform/env";
import { assertMayRecordConformance } from "./may-record";
import { checkExchange } from "./check-exchange";
import { checkedVersion } from "./checked-version";
import { readTraffic, type TrafficFormat } from "./read-traffic";
import { recordRun } from "./record-conformance";
import { FindingTally } from "./tally-findings";
import { UseTally } from "./tally-uses";
import { recordOperationUses } from "@/lib/consumers/record-operation-use";
import { inTransaction } from "@/lib/platform/db/types";
import { trafficPath } from "./traffic-path";

/** How many findings a report lists (all are recorded, up to the tally's bound). */
const REPORTED_FINDINGS = 200;

/**
 * Drift from traffic: reads a HAR file or NDJSON log as it streams in, matches each exchange to an
 * operation of the version (the one served, or the one named) and checks it as Try it out's responses
 * are checked; records the findings (pointer and rule, never a body) and one run, audited. Those who may
 * edit the service (maintainers, its tokens) may send traffic; permission is checked before a byte is read.
 */
export async function importTraffic(
  db: Db,
  actor: Actor,
  input: { slug: string; version?: string; format: TrafficFormat; stream: ReadableStream<Uint8Array> },
) {
  const service = await assertMayRecordConformance(db, actor, input.slug);
  const checked = await checkedVersion(db, service, input.version);
  const started = performance.now();
  const tally = new FindingTally();
  const uses = new UseTally();
  let first: Date | null = null;
  let last: Date | null = null;
  for await (const logged of readTraffic(input.stream, input.format, env().WAYFINDER_MAX_TRAFFIC_BYTES ?? 2 * 1024 ** 3)) {
    const verdict = checkExchange(checked.target, {
      method: logged.method,
      path: trafficPath(checked.target.document, logged.url),
      queryNames: [...logged.url.searchParams.keys()],
      status: logged.status,
      headers: logged.headers,
      body: logged.body,
    });
    tally.add(verdict, logged.at);
    uses.add(logged.consumer, verdict, logged.at);
    if (!first || logged.at < first) first = logged.at;
    if (!last || logged.at > last) last = logged.at;
  }
  const ms = Math.round(performance.now() - started);
  // Callers the log names are evidence of use (lib/consumers), recorded with the run or not at all.
  const named = [...new Set(uses.all().map((use) => use.consumer))];
  const consumers = named.length ? await db.service.findMany({ where: { slug: { in: named } }, select: { id: true, slug: true } }) : [];
  const idOf = new Map(consumers.map((consumer) => [consumer.slug, consumer.id]));
  const run = await inTransaction(db, async (tx) => {
    const recorded = await recordRun(tx, actor, {
      service,
      version: { id: checked.versionId, version: checked.version, revision: checked.revision },
      source: "traffic",
      exchanges: tally.exchanges,
      mismatched: tally.mismatched,
      findings: tally.findings(),
    });
    await recordOperationUses(
      tx,
      service.id,
      uses.all().flatMap((use) => {
        const consumerId = idOf.get(use.consumer);
        return consumerId ? [{ consumerId, operation: use.operation, calls: use.calls, firstSeenAt: use.firstSeenAt, lastSeenAt: use.lastSeenAt }] : [];
      }),
      "traffic",
    );
    return recorded;
  });
  const findings = tally.findings();
  return {
    runId: run.id,
    version: checked.version,
    revision: checked.revision,
    exchanges: tally.exchanges,
    mismatched: tally.mismatched,
    undocumentedOperations: tally.undocumentedOperations,
    firstSeenAt: first?.toISOString() ?? null,
    lastSeenAt: last?.toISOString() ?? null,
    // Occurrences of findings past the tally's bound of distinct ones: counted, not kept.
    findingsNotKept: tally.dropped,
    consumers: uses
      .callsByConsumer()
      .slice(0, 100)
      .map((caller) => ({ ...caller, known: idOf.has(caller.slug) })),
    findings: findings.slice(0, REPORTED_FINDINGS).map((finding) => ({
      operation: finding.operation,
      kind: finding.kind,
      pointer: finding.pointer,
      rule: finding.rule,
      message: finding.message,
      count: finding.count,
      firstSeenAt: finding.firstSeenAt.toISOString(),
      lastSeenAt: finding.lastSeenAt.toISOString(),
    })),
    ms,
  };
}
