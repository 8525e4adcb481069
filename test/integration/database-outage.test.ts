/**
 * The database goes away while the portal runs (a relay between them is cut), then comes back: the API
 * answers 503 DATABASE_UNAVAILABLE (not 500 INTERNAL), pages answer 503 with Retry-After and say what is wrong, and both recover by
 * themselves. PostgreSQL only: PGlite lives inside the server process and cannot go away.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { startTcpRelay, type TcpRelay } from "../support/tcp-relay";
import { createMigratedPostgresDatabase, testDatabaseUrl } from "../support/test-databases";

describe.runIf(testDatabaseUrl)("a database outage while the portal runs", () => {
  let server: PortalServer;
  let relay: TcpRelay;
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;

  beforeAll(async () => {
    database = await createMigratedPostgresDatabase(testDatabaseUrl!);
    const target = new URL(database.url);
    relay = await startTcpRelay(target.hostname, Number(target.port || 5432));
    target.host = `127.0.0.1:${relay.port}`;
    dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-outage-"));
    server = await startPortal({
      DATABASE_URL: target.toString(),
      WAYFINDER_DEMO: "true",
      WAYFINDER_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await relay?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 503 DATABASE_UNAVAILABLE during the outage and recovers after it", async () => {
    expect((await fetch(`${server.url}/api/v1/services`)).status).toBe(200);
    await relay.cut();
    for (const url of ["/api/v1/services", "/api/v1/teams", "/api/v1/services/payments-api"]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(503);
      expect((await response.json()) as unknown, url).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
    expect(server.output()).not.toMatch(/"event":"http.unhandled"/);
    // Pages too: 503 with Retry-After (an error boundary would have answered 500).
    for (const url of ["/services", "/teams", "/services/payments-api", "/"]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(503);
      expect(Number(response.headers.get("retry-after")), url).toBeGreaterThan(0);
      expect(await response.text(), url).toContain("The portal's database is unavailable");
    }

    // A page, in a real browser: it says the database is away and that this passes.
    const browser = await chromium.launch({
      executablePath: process.env.WAYFINDER_CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/services`);
      await page.getByRole("heading", { name: "The portal's database is unavailable" }).waitFor({ timeout: 20_000 });
      await page.getByText("the portal reconnects by itself as soon as the database is back").waitFor();
    } finally {
      await browser.close();
    }

    await relay.restore();
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt += 1) {
      status = (await fetch(`${server.url}/api/v1/services`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    let page = 0;
    for (let attempt = 0; attempt < 40 && page !== 200; attempt += 1) {
      page = (await fetch(`${server.url}/services`)).status;
      if (page !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(page).toBe(200);
  }, 60_000);
});
