import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { getSource } from "@/lib/sources/get-source";
import { startJobQueue } from "@/lib/start-up/job-queues";
import { queueDueSources } from "@/lib/sources/source-refresh-jobs";
import { refreshSource } from "@/lib/sources/refresh-source";
import { setSource } from "@/lib/sources/set-source";
import { createTeam } from "@/lib/teams/create-team";
import { listEventVersions } from "@/lib/versions/list-event-versions";
import { openApi30 } from "../support/documents";
import { fixturesDir, hasFixtures } from "../support/fixtures";
import { startSpecServer, type SpecServer } from "../support/spec-server";
import { testDatabases } from "../support/test-databases";
import { countOperationsInFolder } from "../support/count-operations";

const actor = systemActor("url source test");
const asyncDir = path.resolve(fixturesDir, "../asyncapi");

// One spec server for the file: lib/platform/env.ts reads the environment once per process, so the allowlist
// naming its port is set once, before anything reads it.
let spec: SpecServer;
const previousAllow = process.env.WAYFINDER_FETCH_ALLOW;
beforeAll(async () => {
  spec = await startSpecServer(hasFixtures ? path.join(fixturesDir, "digitalocean/specification") : undefined);
  // The test server is on loopback, which the fetcher refuses; allow it by name and port only, so
  // that a literal 127.0.0.1 (in a redirect, say) or another port on localhost is still refused.
  process.env.WAYFINDER_FETCH_ALLOW = `localhost:${new URL(spec.url).port}`;
});
afterAll(async () => {
  process.env.WAYFINDER_FETCH_ALLOW = previousAllow;
  await spec?.close();
});

describe.each(testDatabases)("URL sources on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "sources", name: "Sources" } });
    for (const slug of ["polled", "moved", "do-api", "lights"]) await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "sources" } });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("fetches on registration, then answers 304s with no new version, then picks up a change", async () => {
    spec.set("/polled.json", { text: openApi30("1.0.0", ["/a"]) });
    const source = await setSource(db.prisma, { actor, slug: "polled", input: { url: `${spec.url}/polled.json` } });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({ status: "published", result: { outcome: "created", version: "1.0.0" } });

    expect(await refreshSource(db.prisma, source.id)).toEqual({ status: "not-modified" });
    expect(spec.requests.at(-1)?.ifNoneMatch).toMatch(/^"/);

    spec.set("/polled.json", { text: openApi30("1.1.0", ["/a", "/b"]) });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "published",
      result: { outcome: "created", version: "1.1.0", operationCount: 2 },
    });
    const status = await getSource(db.prisma, { actor, slug: "polled" });
    expect(status).toMatchObject({ lastError: null, servedVersion: { version: "1.1.0" } });
    expect((await getService(db.prisma, "polled")).versions.map((version) => [version.version, version.origin])).toEqual([
      ["1.1.0", "url"],
      ["1.0.0", "url"],
    ]);
  });

  it.runIf(existsSync(asyncDir))("polls an AsyncAPI document as the service's event API, 304s and changes alike", async () => {
    const mqtt = readFileSync(path.join(asyncDir, "3.0/streetlights-mqtt-asyncapi.yml"), "utf8");
    spec.set("/lights.yaml", { text: mqtt });
    const source = await setSource(db.prisma, { actor, slug: "lights", input: { url: `${spec.url}/lights.yaml` } });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "published",
      result: { outcome: "created", version: "1.0.0", format: "asyncapi-3.0", operationCount: 4 },
    });
    expect(await refreshSource(db.prisma, source.id)).toEqual({ status: "not-modified" });
    spec.set("/lights.yaml", { text: mqtt.replace("version: 1.0.0", "version: 1.1.0") });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "published",
      result: { version: "1.1.0", diff: { base: { version: "1.0.0" } } },
    });
    const versions = await listEventVersions(db.prisma, "lights");
    expect(versions.map((version) => [version.version, version.origin])).toEqual([
      ["1.1.0", "url"],
      ["1.0.0", "url"],
    ]);
    // The HTTP contract is untouched.
    expect((await getService(db.prisma, "lights")).versions).toEqual([]);
  });

  it("keeps serving the last good version when the source goes down or serves garbage, and says why", async () => {
    const { id } = await db.prisma.specSource.findFirstOrThrow({ where: { service: { slug: "polled" } } });
    spec.set("/polled.json", { status: 503 });
    expect(await refreshSource(db.prisma, id)).toMatchObject({ status: "failed", error: expect.stringContaining("HTTP 503") });
    spec.set("/polled.json", { text: '{"openapi":"3.0.3","info":{"version":"9"},"paths":{}}' });
    expect(await refreshSource(db.prisma, id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining('missing required property "title" at /info'),
    });
    const status = await getSource(db.prisma, { actor, slug: "polled" });
    expect(status).toMatchObject({ servedVersion: { version: "1.1.0" }, lastError: expect.stringContaining("title") });
    expect(String(status?.lastAttemptAt) > String(status?.lastSuccessAt)).toBe(true);
    expect((await getService(db.prisma, "polled")).versions).toHaveLength(2);
  });

  it("refuses a redirect to a refused address, and a $ref to another origin", async () => {
    spec.set("/moved.yaml", { redirect: "http://127.0.0.1:9/internal.yaml" });
    const source = await setSource(db.prisma, { actor, slug: "moved", input: { url: `${spec.url}/moved.yaml` } });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Refused to fetch http:\/\/127\.0\.0\.1:9\/internal\.yaml: 127\.0\.0\.1 is in the loopback range/),
    });
    spec.set("/moved.yaml", { redirect: "http://169.254.169.254/latest/meta-data/" });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("169.254.169.254 is in the link local range"),
    });
    spec.set("/moved.yaml", { text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x: { $ref: 'http://example.com/evil.yaml#/x' }\n" });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({ status: "failed", error: expect.stringContaining("is not on http://localhost") });
    expect(await db.prisma.apiVersion.count({ where: { service: { slug: "moved" } } })).toBe(0);
  });

  it("refuses another port on an allowed host, reached by a redirect", async () => {
    spec.set("/hop.yaml", { redirect: "http://localhost:5432/" });
    const source = await setSource(db.prisma, { actor, slug: "moved", input: { url: `${spec.url}/hop.yaml` } });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Refused to fetch http:\/\/localhost:5432\/: .*not on port 5432|127\.0\.0\.1 is in the loopback range/),
    });
  });

  it("reports a server that sends its body too slowly as a timeout, and clears the error after a success", async () => {
    spec.set("/slow.yaml", { trickle: true });
    const source = await setSource(db.prisma, { actor, slug: "moved", input: { url: `${spec.url}/slow.yaml` } });
    const failed = await refreshSource(db.prisma, source.id, actor, { fetchTimeoutMs: 1_500 });
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("took longer than allowed (WAYFINDER_FETCH_TIMEOUT_MS)") });
    expect(failed).not.toMatchObject({ error: expect.stringContaining("Unexpected") });

    spec.set("/slow.yaml", { text: '{"openapi":"3.0.3","info":{"version":"1"},"paths":{}}' });
    await refreshSource(db.prisma, source.id);
    expect((await db.prisma.specSource.findUniqueOrThrow({ where: { id: source.id } })).lastErrorDetails).not.toBeNull();
    spec.set("/slow.yaml", { text: openApi30("1.0.0", ["/a"]) });
    expect(await refreshSource(db.prisma, source.id)).toMatchObject({ status: "published" });
    expect(await db.prisma.specSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ lastError: null, lastErrorDetails: null });
  });

  it("queues only what is due, once, however many look at the same time", async () => {
    const boss = await startJobQueue(db);
    try {
      await db.prisma.specSource.updateMany({ data: { nextPollAt: new Date(Date.now() + 3_600_000) } });
      expect(await queueDueSources(db.prisma, boss)).toBe(0);
      await db.prisma.specSource.updateMany({ where: { service: { slug: "polled" } }, data: { nextPollAt: new Date(0) } });
      const [first, second] = await Promise.all([queueDueSources(db.prisma, boss), queueDueSources(db.prisma, boss)]);
      expect(first + second).toBe(1);
      // Claiming moved it a whole interval (15 minutes by default) forward.
      const { nextPollAt } = await db.prisma.specSource.findFirstOrThrow({ where: { service: { slug: "polled" } } });
      expect(nextPollAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  it.runIf(hasFixtures)(
    "ingests DigitalOcean's 2,900-file specification from a URL, following relative $refs",
    async () => {
      const source = await setSource(db.prisma, { actor, slug: "do-api", input: { url: `${spec.url}/DigitalOcean-public.v2.yaml` } });
      const result = await refreshSource(db.prisma, source.id);
      const expected = await countOperationsInFolder(path.join(fixturesDir, "digitalocean/specification"), "DigitalOcean-public.v2.yaml");
      expect(result).toMatchObject({ status: "published", result: { operationCount: expected } });
      expect(await db.prisma.operation.count({ where: { apiVersion: { service: { slug: "do-api" } } } })).toBe(expected);
    },
    120_000,
  );
});
