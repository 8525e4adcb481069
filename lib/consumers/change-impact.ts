import type { Change, ChangeConsumer, DiffResult } from "@/lib/diff/diff-types";
import { isMethodAndPath, operationKey } from "./operation-key";
import { rangeIncludes } from "./version-range";

/** A consuming service as an impact needs it: what it declared (if anything) and what it was seen calling. */
export interface ImpactConsumer {
  service: { slug: string; name: string };
  teams: { slug: string; name: string }[];
  /** Absent when the service only was seen calling the provider. */
  declared?: {
    versions: string;
    /** `METHOD /path` or operationIds; empty: the whole API. */
    operations: string[];
    /** Property names it reads or sends; empty: any. */
    fields: string[];
  };
  observed: { operation: string; lastSeenAt: string }[];
}

export interface ImpactContext {
  /** The provider's version the changes arrive in: declarations whose range excludes it are not touched. */
  revisionVersion: string;
  /** operationId → `METHOD /path`, from the documents compared (the base's and the revision's operations). */
  operationIds: Map<string, string[]>;
}

/** The property names a change's pointer goes through (`…/properties/amount/…` → amount). */
function propertiesOf(change: Change): string[] {
  const names: string[] = [];
  for (const pointer of [change.pointer.base, change.pointer.revision]) {
    const parts = pointer?.split("/") ?? [];
    parts.forEach((part, index) => {
      const next = parts[index + 1];
      if (part === "properties" && next !== undefined) names.push(next.replace(/~1/g, "/").replace(/~0/g, "~"));
    });
  }
  return names;
}

/** What one consumer uses, resolved: every operation key, each with how it is known. */
interface Usage {
  consumer: ImpactConsumer;
  whole: boolean;
  /** operation key → the consumer's spelling, evidence and last call. */
  operations: Map<string, { name: string; declared: boolean; lastSeenAt?: string }>;
  fields: Set<string>;
}

function usageOf(consumer: ImpactConsumer, context: ImpactContext): Usage | null {
  const declared = consumer.declared && rangeIncludes(consumer.declared.versions, context.revisionVersion) ? consumer.declared : undefined;
  // A declaration whose range leaves out the revision says the consumer stays behind: not touched,
  // whatever calls of the older versions were seen.
  if (consumer.declared && !declared) return null;
  const operations: Usage["operations"] = new Map();
  for (const operation of declared?.operations ?? []) {
    const names = isMethodAndPath(operation) ? [operation] : (context.operationIds.get(operation) ?? []);
    for (const name of names) operations.set(operationKey(name), { name, declared: true });
  }
  for (const { operation, lastSeenAt } of consumer.observed) {
    const key = operationKey(operation);
    const known = operations.get(key);
    const latest = known?.lastSeenAt && known.lastSeenAt > lastSeenAt ? known.lastSeenAt : lastSeenAt;
    operations.set(key, { name: known?.name ?? operation, declared: known?.declared ?? false, lastSeenAt: latest });
  }
  const whole = declared !== undefined && declared.operations.length === 0;
  if (!whole && !operations.size) return null;
  return { consumer, whole, operations, fields: new Set(declared?.fields ?? []) };
}

/**
 * Whether, and where, a change touches one consumer. `touched` are the keys of the operations the
 * change reaches and `properties` the property names its pointer goes through, both worked out once
 * per change (a change to a shared schema of Stripe's reaches hundreds of operations, and is matched
 * against every consumer).
 */
function touch(touched: string[], properties: string[], usage: Usage): ChangeConsumer | null {
  const { consumer } = usage;
  const lastSeen = (values: (string | undefined)[]) =>
    values
      .filter((value): value is string => !!value)
      .sort()
      .at(-1);
  const entry = (operations: string[], evidence: ChangeConsumer["evidence"], lastSeenAt?: string): ChangeConsumer => ({
    service: consumer.service,
    teams: consumer.teams,
    operations,
    evidence,
    ...(lastSeenAt ? { lastSeenAt } : {}),
  });
  // A change no operation carries (a security scheme, the servers, a webhook) touches everyone using the API.
  if (!touched.length) {
    const seen = lastSeen([...usage.operations.values()].map((use) => use.lastSeenAt));
    return entry(
      [],
      usage.whole || [...usage.operations.values()].some((use) => use.declared) ? ["declared", ...(seen ? ["observed" as const] : [])] : ["observed"],
      seen,
    );
  }
  const hits = touched.map((key) => usage.operations.get(key)).filter((use) => use !== undefined);
  if (!hits.length && !usage.whole) return null;
  // Fields narrow declarations only: a change inside properties the consumer does not name passes it by.
  const declaredOnly = !hits.some((use) => use.lastSeenAt);
  if (usage.fields.size && properties.length && declaredOnly && !properties.some((name) => usage.fields.has(name))) return null;
  const seen = lastSeen(hits.map((use) => use.lastSeenAt));
  const evidence: ChangeConsumer["evidence"] = [];
  if (usage.whole || hits.some((use) => use.declared)) evidence.push("declared");
  if (seen) evidence.push("observed");
  return entry(
    hits.map((use) => use.name),
    evidence,
    seen,
  );
}

/**
 * Names, on every breaking and potentially breaking change, the consuming services it touches: a
 * whole-API consumer (in the revision's version range) by every such change; an operation-level one
 * by changes to its operations, declared (operationIds resolved against the compared documents) or
 * seen called, including changes to shared schemas those operations reach; a change with no operation
 * (security scheme, servers) by all. `consumers: []` says the change touches nobody known. The
 * whole lists of operations the diff gave for this (`reach`) are dropped from the result.
 */
export function annotateImpact(result: DiffResult, consumers: ImpactConsumer[], context: ImpactContext): DiffResult {
  const usages = consumers.map((consumer) => usageOf(consumer, context)).filter((usage) => usage !== null);
  const touchedServices = new Set<string>();
  const changes = result.changes.map(({ reach, ...change }) => {
    if (change.level === "info") return change;
    const touched = (change.operation ? [change.operation] : reach !== undefined ? (result.reach?.[reach] ?? []) : (change.operations ?? [])).map(operationKey);
    const properties = propertiesOf(change);
    const hit = usages
      .map((usage) => touch(touched, properties, usage))
      .filter((consumer) => consumer !== null)
      .sort((a, b) => a.service.slug.localeCompare(b.service.slug));
    for (const consumer of hit) touchedServices.add(consumer.service.slug);
    return { ...change, consumers: hit };
  });
  const { reach: _reach, revisionVersion: _version, ...rest } = result;
  return { ...rest, changes, impact: { consumers: touchedServices.size, considered: usages.length } };
}

/** A diff without the internal whole lists (when no consumers were looked up). */
export function withoutReach(result: DiffResult): DiffResult {
  if (!result.reach && result.revisionVersion === undefined && !result.changes.some((change) => change.reach !== undefined)) return result;
  const { reach: _reach, revisionVersion: _version, ...rest } = result;
  return { ...rest, changes: result.changes.map(({ reach: _index, ...change }) => change) };
}
