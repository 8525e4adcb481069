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
});
