/**
 * A made-up company of BENCH_SERVICES (2,000) services with BENCH_OPERATIONS_PER_SERVICE (50)
 * operations each, written into a database through the same functions the REST API calls
 * (createTeam, createService, publishVersion: the whole publishing pipeline, per service), in this
 * process rather than over HTTP, so that loading takes a minute or two. Deterministic: the same
 * seed gives the same company.
 */
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";

const areas = [
  "payments",
  "orders",
  "inventory",
  "shipping",
  "identity",
  "billing",
  "search",
  "catalog",
  "pricing",
  "returns",
  "loyalty",
  "reviews",
  "fraud",
  "ledger",
  "notifications",
  "media",
  "analytics",
  "support",
  "partners",
  "tax",
];
const nouns = [
  "invoice",
  "refund",
  "customer",
  "account",
  "charge",
  "payout",
  "dispute",
  "shipment",
  "parcel",
  "label",
  "warehouse",
  "stock",
  "reservation",
  "session",
  "token",
  "webhook",
  "subscription",
  "coupon",
  "price",
  "quote",
  "order",
  "cart",
  "review",
  "ticket",
  "message",
  "report",
  "export",
  "mandate",
  "transfer",
  "balance",
];
const verbs = ["create", "list", "get", "update", "delete", "cancel", "confirm", "capture", "search", "archive"];
const adjectives = ["Core", "Edge", "Legacy", "Realtime", "Batch", "Public", "Internal", "Partner", "Mobile", "Regional"];
const lifecycles = ["production", "production", "production", "experimental", "deprecated", "retired"] as const;

/** A small seeded generator (mulberry32), so runs compare. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

export interface BenchCompany {
  teams: string[];
  services: string[];
  tags: string[];
  /** Words of operationIds, for search queries that match. */
  words: string[];
}

function documentFor(index: number, area: string, next: () => number, operationsPerService: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const paths: Record<string, Record<string, unknown>> = {};
  let count = 0;
  const used = new Set<string>();
  for (let resource = 0; count < operationsPerService; resource++) {
    let noun = pick(nouns);
    if (used.has(noun)) noun = `${noun}${resource}`;
    used.add(noun);
    const plural = `${noun}s`;
    const collection = `/v1/${plural}`;
    const item = `${collection}/{${noun}Id}`;
    const operation = (verb: string, many = false) => ({
      operationId: `${verb}${capital(many ? plural : noun)}${index}`,
      summary: `${capital(verb)} ${many ? plural : `a ${noun}`} in ${area}`,
      description: `${capital(verb)}s ${many ? "the" : "one"} ${noun} of the ${area} domain. Idempotent when an Idempotency-Key header is sent; see the ${pick(nouns)} guide.`,
      tags: [capital(plural)],
      parameters: [{ name: "tenant", in: "header", schema: { type: "string" } }],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
    });
    paths[collection] = { get: operation("list", true), post: operation("create") };
    paths[item] = { get: operation("get"), patch: operation("update"), delete: operation("delete") };
    paths[`${item}/${pick(verbs)}`] = { post: operation(pick(["cancel", "confirm", "capture", "archive"])) };
    count += 6;
  }
  // Trim to the exact count (the last resource may overshoot).
  let left = operationsPerService;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of Object.keys(item)) if (left-- <= 0) delete item[method];
    if (!Object.keys(item).length) delete paths[path];
  }
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: `Service ${index}`, version: "1.0.0" },
    servers: [{ url: `https://svc-${index}.bench.example` }],
    paths,
    components: { schemas: { Thing: { type: "object", properties: { id: { type: "string" }, createdAt: { type: "string", format: "date-time" } } } } },
  });
}

export async function loadBenchCompany(
  db: Db,
  options: { services?: number; operationsPerService?: number; seed?: number; onProgress?: (done: number) => void } = {},
): Promise<BenchCompany> {
  const services = options.services ?? 2000;
  const operationsPerService = options.operationsPerService ?? 50;
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const actor = systemActor("bench");
  const teams = areas.flatMap((area) => ["platform", "product"].map((kind) => `${area}-${kind}`));
  for (const slug of teams) await createTeam(db, { actor, input: { slug, name: slug.split("-").map(capital).join(" ") } });
  const slugs: string[] = [];
  const tags = [...areas, "pci", "gdpr", "tier-1", "public", "internal", "grpc", "events", "legacy", "beta", "eu", "us"];
  for (let index = 0; index < services; index++) {
    const area = pick(areas);
    const slug = `${area}-${pick(nouns)}-${index}`;
    await createService(db, {
      actor,
      input: {
        slug,
        name: `${pick(adjectives)} ${capital(area)} ${capital(pick(nouns))} ${index}`,
        description: `Handles ${pick(nouns)}s and ${pick(nouns)}s for the ${area} domain.`,
        lifecycle: pick(lifecycles),
        tags: [area, pick(tags), pick(tags)].filter((tag, position, all) => all.indexOf(tag) === position),
        primaryOwner: `${area}-${pick(["platform", "product"])}`,
      },
    });
    await publishVersion(db, { actor, serviceSlug: slug, text: documentFor(index, area, next, operationsPerService) });
    slugs.push(slug);
    if (index % 100 === 99) options.onProgress?.(index + 1);
  }
  return { teams, services: slugs, tags, words: [...nouns, ...verbs] };
}
