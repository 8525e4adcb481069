/**
 * Over HTTP against real portals: failed token authentications and sign-ins are throttled per client
 * (429 with Retry-After), with the count shared by two instances on one PostgreSQL database; and a
 * session cookie stops working once its session signs out, even a copy kept from before.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally } from "../support/sign-in";
import { createPostgresDatabase, testDatabaseUrl } from "../support/test-databases";

describe("throttling and sign-out", () => {
  const servers: PortalServer[] = [];
  const dirs: string[] = [];
  let database: { url: string; drop(): Promise<void> } | undefined;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-throttle-"));
    dirs.push(dataDir);
    if (testDatabaseUrl) {
      // Two instances on one database: the budget is shared.
      database = await createPostgresDatabase(testDatabaseUrl);
      const env = {
        DATABASE_URL: database.url,
        WAYFINDER_DATA_DIR: dataDir,
        NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
        WAYFINDER_DEMO: "false",
      };
      servers.push(await startPortal(env));
      servers.push(await startPortal(env));
    } else {
      servers.push(await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false" }));
    }
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const instance = (i: number) => servers[i % servers.length]!;

  it("sends sign-in opened at another address of the machine to the configured one, saying so", async () => {
    const server = instance(0);
    const port = new URL(server.url).port;
    // Opened as localhost while the portal's address (NEXTAUTH_URL) is 127.0.0.1: the cookie would land on the wrong host.
    const response = await fetch(`http://localhost:${port}/signin?callbackUrl=%2Fteams`, { redirect: "manual" });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(server.url);
    expect(Object.fromEntries(location.searchParams)).toEqual({ callbackUrl: "/teams", from: `localhost:${port}` });
    const page = (await (await fetch(location)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain(`You opened the portal at localhost:${port}`);
  });

  it("ends the session on the server at sign-out: a copy of the cookie no longer works", async () => {
    const server = instance(0);
    const session = await signInLocally(server.url, { name: "Leaver", email: "leaver@throttle.test" });
    const me = async () => (await (await fetch(`${server.url}/api/v1/me`, { headers: session })).json()) as { kind?: string; email?: string };
    expect(await me()).toMatchObject({ email: "leaver@throttle.test" });
    const csrf = (await (await fetch(`${server.url}/api/auth/csrf`, { headers: session })).json()) as { csrfToken: string };
    const signOut = await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { ...session, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);
    // The same cookie, replayed: anonymous now, on every instance.
    for (let i = 0; i < servers.length; i += 1) {
      const after = (await (await fetch(`${instance(i).url}/api/v1/me`, { headers: session })).json()) as { email?: string };
      expect(after.email).toBeUndefined();
    }
  });

  // Attempts go on until the first 429, at most 45: a minute boundary in the middle can split them
  // over two windows, but 20 refusals cannot fit in one without the 21st being throttled.
  it("answers 429 with Retry-After once a client has failed 20 token authentications in a minute, on every instance", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 45 && !statuses.includes(429); i += 1) {
      const response = await fetch(`${instance(i).url}/api/v1/services`, {
        headers: { Authorization: `Bearer wf_guess${i}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` },
      });
      statuses.push(response.status);
      retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.length).toBeGreaterThanOrEqual(21);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it("answers 429 with Retry-After after 20 sign-in attempts a minute from one client", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 45 && !statuses.includes(429); i += 1) {
      const response = await fetch(`${instance(i).url}/api/auth/callback/local`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "x", email: `x${i}@throttle.test` }),
      });
      statuses.push(response.status);
      retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
