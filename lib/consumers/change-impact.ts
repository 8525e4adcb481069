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

/** One operation a consumer uses: as it spells it, whether declared, and its latest call seen. */
interface Use {
  name: string;
  declared: boolean;
  lastSeenAt?: string;
}

/** What one consumer uses, resolved: every operation key, each with how it is known. */
interface Usage {
  consumer: ImpactConsumer;
  whole: boolean;
  /** Operation keys, and beside each (same index) the consumer's spelling, evidence and last call. */
  keys: string[];
  uses: Use[];
  fields: Set<string>;
}

function usageOf(consumer: ImpactConsumer, context: ImpactContext): Usage | null {
  const declared = consumer.declared && rangeIncludes(consumer.declared.versions, context.revisionVersion) ? consumer.declared : undefined;
  // A declaration whose range leaves out the revision says the consumer stays behind: not touched,
  // whatever calls of the older versions were seen.
  if (consumer.declared && !declared) return null;
  const operations = new Map<string, Use>();
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
  return { consumer, whole, keys: [...operations.keys()], uses: [...operations.values()], fields: new Set(declared?.fields ?? []) };
}

/**
 * Whether, and where, a change touches one consumer. `touched` holds the keys of the operations the
 * change reaches (null: none, the change is the API's as a whole) and `properties` the property names
 * its pointer goes through, both worked out once per change. A consumer's few operations are looked up
 * in the change's set, not the other way round: a change to Stripe's `charge` schema reaches 390
 * operations, and is matched against every consumer.
 */
function touch(touched: Set<string> | null, properties: string[], usage: Usage): ChangeConsumer | null {
  // A change no operation carries (a security scheme, the servers, a webhook) touches everyone using
  // the API; otherwise, the consumer's operations it reaches. Plain loops: this runs for every change
  // and every consumer.
  const hits: Use[] = [];
  for (let index = 0; index < usage.keys.length; index += 1) if (!touched || touched.has(usage.keys[index]!)) hits.push(usage.uses[index]!);
  if (touched && !hits.length && !usage.whole) return null;
  let declared = usage.whole;
  let lastSeenAt: string | undefined;
  for (const use of hits) {
    if (use.declared) declared = true;
    if (use.lastSeenAt && (!lastSeenAt || use.lastSeenAt > lastSeenAt)) lastSeenAt = use.lastSeenAt;
  }
  // Fields narrow declarations only: a change inside properties the consumer does not name passes it by.
  if (touched && usage.fields.size && properties.length && !lastSeenAt && !properties.some((name) => usage.fields.has(name))) return null;
  const evidence: ChangeConsumer["evidence"] = declared ? (lastSeenAt ? ["declared", "observed"] : ["declared"]) : ["observed"];
  const consumer: ChangeConsumer = {
    service: usage.consumer.service,
    teams: usage.consumer.teams,
    operations: touched ? hits.map((use) => use.name) : [],
    evidence,
  };
  if (lastSeenAt) consumer.lastSeenAt = lastSeenAt;
  return consumer;
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
  // In slug order once, so every change's list comes out sorted without sorting it.
  const usages = consumers
    .map((consumer) => usageOf(consumer, context))
    .filter((usage) => usage !== null)
    .sort((a, b) => (a.consumer.service.slug < b.consumer.service.slug ? -1 : a.consumer.service.slug > b.consumer.service.slug ? 1 : 0));
  const touchedServices = new Set<string>();
  // Changes inside one shared schema share its list of operations: one set of keys per list, and
  // (unless a declaration narrows by fields, which depends on each change's pointer) one list of
  // the consumers it touches.
  const byFields = usages.some((usage) => usage.fields.size);
  const touchedBy = new Map<Set<string> | null, ChangeConsumer[]>();
  const keysOf = new Map<string, Set<string>>();
  const keys = (names: string[]) => {
    // By content: Stripe's pair has dozens of changes in schemas reached by the same 390 operations.
    const content = names.join("\n");
    let set = keysOf.get(content);
    if (!set) keysOf.set(content, (set = new Set(names.map(operationKey))));
    return set;
  };
  const changes = result.changes.map(({ reach, ...change }) => {
    if (change.level === "info") return change;
    const names = change.operation ? [change.operation] : reach !== undefined ? (result.reach?.[reach] ?? []) : (change.operations ?? []);
    const touched = names.length ? keys(names) : null;
    const properties = propertiesOf(change);
    let hit = byFields ? undefined : touchedBy.get(touched);
    if (!hit) {
      hit = [];
      for (const usage of usages) {
        const consumer = touch(touched, properties, usage);
        if (consumer) hit.push(consumer);
      }
      if (!byFields) touchedBy.set(touched, hit);
    }
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
