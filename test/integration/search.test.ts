import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFiles } from "@/cli/collect-files";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { seedDemo } from "@/lib/demo/seed-demo";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { searchEverything } from "@/lib/search/search-everything";
import { indexUnindexedEventApis } from "@/lib/asyncapi/index-event-api";
import { prepareEventReceived } from "@/lib/asyncapi/prepare-event-document";
import { readDemoEvents } from "@/lib/demo/demo-specs";
import { publishEventVersion } from "@/lib/versions/publish-event-version";
import { searchInputSchema } from "@/lib/search-index/search-input";
import { createService } from "@/lib/services/create-service";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { publishPrepared, publishVersion } from "@/lib/versions/publish-version";
import { fixturesDir, hasFixtures } from "../support/fixtures";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("search test");

/** The shared fixtures the relevance cases below search, each as a service of the demo's platform team. */
const fixtureServices = [
  { slug: "stripe", name: "Stripe", file: "stripe/spec3.2022-03-25.json" },
  { slug: "slack", name: "Slack Web API", file: "slack/slack_web_openapi_v2.json" },
  { slug: "twilio", name: "Twilio", file: "twilio/twilio_api_v2010.yaml" },
];

const search = (db: Database, input: Record<string, unknown>) => searchEverything(db.prisma, searchInputSchema.parse(input));
const first = (results: Awaited<ReturnType<typeof searchEverything>>) =>
  results.operations[0] && `${results.operations[0].service.slug} ${results.operations[0].method} ${results.operations[0].path}`;

describe.skipIf(!hasFixtures).each(testDatabases)("search on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    await seedDemo(db.prisma);
    for (const fixture of fixtureServices) {
      await createService(db.prisma, { actor, input: { slug: fixture.slug, name: fixture.name, primaryOwner: "platform" } });
      await publishVersion(db.prisma, { actor, serviceSlug: fixture.slug, text: readFileSync(path.join(fixturesDir, fixture.file), "utf8") });
    }
    const root = path.join(fixturesDir, "digitalocean/specification/DigitalOcean-public.v2.yaml");
    const bundle = await collectFiles(root, defaultIngestLimits, path.join(fixturesDir, "digitalocean"));
    await createService(db.prisma, { actor, input: { slug: "digitalocean", name: "DigitalOcean", primaryOwner: "platform" } });
    await publishPrepared(db.prisma, { actor, serviceSlug: "digitalocean", prepared: await prepareBundle(bundle, defaultIngestLimits) });
  }, 180_000);
  afterAll(async () => db?.close());

  it("puts an operationId typed exactly first, whatever its case and punctuation", async () => {
    expect(first(await search(db, { q: "chat.postMessage" }))).toBe("slack post /chat.postMessage");
    expect(first(await search(db, { q: "PostCustomers" }))).toBe("stripe post /v1/customers");
    expect(first(await search(db, { q: "droplets_create" }))).toBe("digitalocean post /v2/droplets");
  });

  it("answers a repeated query from memory, and sees a new version at once", async () => {
    const before = await search(db, { q: "zebraCrossingStatus" });
    expect(before.operations).toEqual([]);
    // The second ask is the cached answer itself, not a new search.
    expect(await searchEverything(db.prisma, searchInputSchema.parse({ q: "zebraCrossingStatus" }))).toBe(before);
    await createService(db.prisma, { actor, input: { slug: "zebra", name: "Zebra", primaryOwner: "platform" } });
    await publishVersion(db.prisma, {
      actor,
      serviceSlug: "zebra",
      text: JSON.stringify({
        openapi: "3.0.3",
        info: { title: "Zebra", version: "1.0.0" },
        paths: { "/crossings/{id}/status": { get: { operationId: "zebraCrossingStatus", responses: { "200": { description: "ok" } } } } },
      }),
    });
    expect(first(await search(db, { q: "zebraCrossingStatus" }))).toBe("zebra get /crossings/{id}/status");
  });

  it("finds an operation by a fragment of its path", async () => {
    const results = await search(db, { q: "payment_intents/{intent}/confirm" });
    expect(first(results)).toBe("stripe post /v1/payment_intents/{intent}/confirm");
    const twilio = await search(db, { q: "/Calls/{Sid}/Recordings" });
    expect(twilio.operations.map((hit) => hit.path)).toContain("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json");
  });

  it("ranks operations whose name holds every word of the query above partial matches, in the query's order first", async () => {
    // Issue 22: PostSetupIntentsIntentConfirm (whose description alone says "payment") came first, the intended fourth.
    expect(first(await search(db, { q: "confirm payment intent" }))).toBe("stripe post /v1/payment_intents/{intent}/confirm");
    expect(first(await search(db, { q: "payment intent confirm" }))).toBe("stripe post /v1/payment_intents/{intent}/confirm");
    expect(first(await search(db, { q: "confirm setup intent" }))).toBe("stripe post /v1/setup_intents/{intent}/confirm");
    // Words in the query's order rank above the same words in another order.
    const ordered = await search(db, { q: "customer sources", service: "stripe" });
    expect(ordered.operations[0]!.path).toMatch(/^\/v1\/customers\/\{customer\}\/sources/);
  });

  it("corrects a misspelling and says so", async () => {
    const results = await search(db, { q: "refnd chrage" });
    expect(results.corrections.map((correction) => correction.word)).toEqual(["refnd", "chrage"]);
    expect(results.corrections[0]!.suggestions).toContain("refund");
    // A swap of neighbouring letters that gives a known word wins over trigram neighbours.
    expect(results.corrections[1]!.suggestions).toEqual(["charge"]);
    expect(results.operations.map((hit) => `${hit.method} ${hit.path}`)).toContain("post /v1/charges/{charge}/refund");
  });

  it("finds an operation by a word only its description holds", async () => {
    // Slack's conversations.history says "Fetches a conversation's history of messages and events." only in its description.
    const results = await search(db, { q: "history of messages", service: "slack" });
    expect(results.operations.map((hit) => hit.operationId)).toContain("conversations_history");
  });

  it("finds a demo operation by a parameter name, and links to the docs expanded on it", async () => {
    const results = await search(db, { q: "createPayment" });
    const hit = results.operations[0]!;
    expect(hit.service.slug).toBe("payments-api");
    expect(hit.url).toMatch(/^\/services\/payments-api\?version=[^#]+#\/[^/]+\/createPayment$/);
  });

  it("groups services, teams and docs, and honours filters", async () => {
    const all = await search(db, { q: "payments" });
    expect(all.services[0]?.slug).toBe("payments-api");
    expect(all.teams.map((team) => team.slug)).toContain("payments");
    const onlyPosts = await search(db, { q: "customer", method: "POST", service: "stripe" });
    expect(onlyPosts.operations.length).toBeGreaterThan(0);
    expect(onlyPosts.operations.every((hit) => hit.method === "post" && hit.service.slug === "stripe")).toBe(true);
    expect(onlyPosts.services).toEqual([]);
    const deprecated = await search(db, { q: "customer", deprecated: "true" });
    expect(deprecated.operations.every((hit) => hit.deprecated)).toBe(true);
    const docs = await search(db, { q: "idempotency", kind: "doc" });
    expect(docs.docs.length).toBeGreaterThan(0);
    expect(docs.operations).toEqual([]);
  });

  it("lets the catalogue's text filter match services by their operations", async () => {
    const page = await listServices(db.prisma, serviceFiltersSchema.parse({ q: "chat.postMessage" }));
    expect(page.items.map((service) => service.slug)).toEqual(["slack"]);
    const byName = await listServices(db.prisma, serviceFiltersSchema.parse({ q: "Payments" }));
    expect(byName.items.map((service) => service.slug)).toContain("payments-api");
  });

  it("finds channels, operations and messages of event APIs beside HTTP operations, by direction, and links to each", async () => {
    // The demo's Orders API sends orders.placed (AsyncAPI 3.0); Inventory receives it (2.6).
    const placed = await search(db, { q: "order placed", kind: "event" });
    expect(placed.operations).toEqual([]);
    const described = placed.events.map((hit) => `${hit.service.slug} ${hit.kind} ${hit.action ?? "-"} ${hit.name}`);
    expect(described).toEqual(
      expect.arrayContaining([
        "orders-api operation send sendOrderPlaced",
        "inventory-service operation receive receiveOrderPlaced",
        "orders-api channel - orders.placed",
      ]),
    );
    const sent = placed.events.find((hit) => hit.name === "sendOrderPlaced")!;
    expect(sent).toMatchObject({ channel: "orders.placed", version: expect.any(String) });
    expect(sent.url).toBe(`/services/orders-api?eventVersion=${encodeURIComponent(sent.version)}#operation-sendOrderPlaced`);
    // The operation's id typed exactly comes first, a misspelling is corrected, and filters hold.
    expect((await search(db, { q: "receiveOrderPlaced" })).events[0]?.name).toBe("receiveOrderPlaced");
    expect((await search(db, { q: "ordr placed", kind: "event" })).events.length).toBeGreaterThan(0);
    const inventoryOnly = await search(db, { q: "order placed", service: "inventory-service" });
    expect(inventoryOnly.events.length).toBeGreaterThan(0);
    expect(inventoryOnly.events.every((hit) => hit.service.slug === "inventory-service")).toBe(true);
    expect((await search(db, { q: "order placed", kind: "operation" })).events).toEqual([]);
  });

  it("searches a service's newest event version only, and indexes event versions stored before search read them", async () => {
    const serviceId = (await db.prisma.service.findUniqueOrThrow({ where: { slug: "inventory-service" }, select: { id: true } })).id;
    const before = await db.prisma.eventSearchEntry.count({ where: { serviceId } });
    expect(before).toBeGreaterThan(0);
    await db.prisma.eventSearchEntry.deleteMany({ where: { serviceId } });
    expect(await indexUnindexedEventApis(db.prisma)).toBe(1);
    expect(await db.prisma.eventSearchEntry.count({ where: { serviceId } })).toBe(before);
    expect(await indexUnindexedEventApis(db.prisma)).toBe(0);

    const inventory = readDemoEvents("inventory-events.yaml")
      .replace("version: 1.0.0", "version: 1.1.0")
      .replace(/receiveOrderPlaced/g, "reserveStockForOrder");
    const prepared = await prepareEventReceived(Buffer.from(inventory), "application/yaml", defaultIngestLimits);
    await publishEventVersion(db.prisma, { actor, serviceSlug: "inventory-service", prepared });
    const renamed = await search(db, { q: "reserveStockForOrder" });
    expect(renamed.events[0]).toMatchObject({ name: "reserveStockForOrder", version: "1.1.0", service: { slug: "inventory-service" } });
    expect((await search(db, { q: "receiveOrderPlaced", kind: "event" })).events.map((hit) => hit.name)).not.toContain("receiveOrderPlaced");
  });

  it("filters the catalogue by kind of contract, and lists each service's event API with its counts", async () => {
    const events = await listServices(db.prisma, serviceFiltersSchema.parse({ kind: "event" }));
    expect(events.items.map((service) => service.slug).sort()).toEqual(["inventory-service", "orders-api"]);
    const orders = events.items.find((service) => service.slug === "orders-api")!;
    expect(orders.eventApi).toMatchObject({ asyncapi: "3.0.0", channelCount: 2, operationCount: 2, messageCount: 2 });
    expect(orders.latestVersion).not.toBeNull();
    const http = await listServices(db.prisma, serviceFiltersSchema.parse({ kind: "http", pageSize: 100 }));
    expect(http.items.every((service) => service.latestVersion !== null)).toBe(true);
    expect(http.items.some((service) => service.eventApi === null)).toBe(true);
    expect(serviceFiltersSchema.safeParse({ kind: "graphql" }).success).toBe(false);
  });
});
