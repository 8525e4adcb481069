/**
 * Two portal instances (real `next start` processes) on one PostgreSQL database, both running the
 * background work with a 1-second look for due sources: every source is fetched once per interval,
 * never twice, whichever instance queues or runs it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApi30 } from "../support/documents";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { startSpecServer, type SpecServer } from "../support/spec-server";
import { createPostgresDatabase, testDatabaseUrl } from "../support/test-databases";

describe.runIf(testDatabaseUrl)("background work shared by two instances on PostgreSQL", () => {
  const servers: PortalServer[] = [];
  let database: { url: string; drop(): Promise<void> };
  let spec: SpecServer;
  let dataDir: string;
  let admin: SessionHeaders;

  beforeAll(async () => {
    spec = await startSpecServer();
    database = await createPostgresDatabase(testDatabaseUrl!);
    dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-work-"));
    const env = {
      DATABASE_URL: database.url,
      WAYFINDER_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
      WAYFINDER_DEMO: "false",
      WAYFINDER_ADMINS: "admin@work.test",
      WAYFINDER_POLL_SECONDS: "1",
      WAYFINDER_FETCH_ALLOW: `localhost:${new URL(spec.url).port}`,
    };
    servers.push(await startPortal(env), await startPortal(env));
    admin = await signInLocally(servers[0]!.url, { name: "Admin", email: "admin@work.test" });
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await spec?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("fetches each due source once per interval, never twice", async () => {
    const call = (method: string, url: string, body: unknown) =>
      fetch(`${servers[0]!.url}${url}`, { method, headers: { ...admin, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await call("POST", "/api/v1/teams", { slug: "work", name: "Work" })).status).toBe(201);
    const paths: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const documentPath = `/work-${i}.json`;
      spec.set(documentPath, { text: openApi30("1.0.0", [`/work-${i}`]) });
      // Registered with its URL: fetched once at once, then every 15 minutes.
      expect(
        (await call("POST", "/api/v1/services", { slug: `work-${i}`, name: `Work ${i}`, primaryOwner: "work", documentUrl: `${spec.url}${documentPath}` }))
          .status,
      ).toBe(201);
      paths.push(documentPath);
    }
    const requests = () => paths.map((documentPath) => spec.requests.filter((request) => request.path === documentPath).length);
    expect(requests()).toEqual(paths.map(() => 1));

    // Every source falls due at once; both instances look every second.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`UPDATE "SpecSource" SET "nextPollAt" = to_timestamp(0)`);
    await client.end();
    const deadline = Date.now() + 30_000;
    while (requests().some((count) => count < 2) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    // Several more looks by both instances: none may fetch again within the interval.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(requests()).toEqual(paths.map(() => 2));
  }, 90_000);
});
