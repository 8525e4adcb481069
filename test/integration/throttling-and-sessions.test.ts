/**
 * Over HTTP against real portals: failed token authentications and sign-ins are throttled per client
 * (429 with Retry-After), with the count shared by two instances on one PostgreSQL database; and a
 * session cookie stops working once its session signs out, even a copy kept from before.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally } from "../support/sign-in";
import { createMigratedPostgresDatabase, testDatabaseUrl, migratedDataDir } from "../support/test-databases";

describe("throttling and sign-out", () => {
  const servers: PortalServer[] = [];
  const dirs: string[] = [];
  let database: { url: string; drop(): Promise<void> } | undefined;

  beforeAll(async () => {
    const dataDir = await migratedDataDir("wayfinder-throttle-", { demo: false });
    dirs.push(dataDir);
    if (testDatabaseUrl) {
      // Two instances on one database: the budget is shared.
      database = await createMigratedPostgresDatabase(testDatabaseUrl);
      const env = {
        DATABASE_URL: database.url,
        WAYFINDER_DATA_DIR: dataDir,
        NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
        WAYFINDER_DEMO: "false",
        WAYFINDER_ADMINS: "ci@throttle.test",
      };
      servers.push(await startPortal(env));
      servers.push(await startPortal(env));
    } else {
      servers.push(await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false", WAYFINDER_ADMINS: "ci@throttle.test" }));
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

  // Next.js passes a client's X-Forwarded-For through untouched: a new value per attempt must not buy a new budget.
  it("keys the failed-token budget on the address that connected, not on X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45 && !statuses.includes(429); i += 1) {
      const response = await fetch(`${instance(i).url}/api/v1/services`, {
        headers: { Authorization: `Bearer wf_forged${i}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(21);
  });

  it("keys the sign-in budget on the address that connected, not on X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45 && !statuses.includes(429); i += 1) {
      const response = await fetch(`${instance(i).url}/api/auth/callback/local`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `192.0.2.${i}` },
        body: new URLSearchParams({ name: "x", email: `forged${i}@throttle.test` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(21);
  });

  it("never refuses a valid token because others failed from the same address", async () => {
    const server = instance(0);
    // Made before the budget is spent (signing in is throttled by the same address).
    const statusesBefore: number[] = [];
    let token: string | undefined;
    for (let attempt = 0; attempt < 70 && !token; attempt += 1) {
      // The sign-in budget may be spent by the tests above: wait for the next window.
      const session = await signInLocally(server.url, { name: "CI", email: "ci@throttle.test" }).catch(() => undefined);
      if (!session) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      const post = (url: string, body: unknown) =>
        fetch(`${server.url}${url}`, { method: "POST", headers: { ...session, "Content-Type": "application/json" }, body: JSON.stringify(body) });
      statusesBefore.push((await post("/api/v1/teams", { slug: "ci-team", name: "CI team" })).status);
      token = ((await (await post("/api/v1/teams/ci-team/tokens", { name: "ci" })).json()) as { token: string }).token;
    }
    expect(token).toMatch(/^wf_/);
    // Twenty bad tokens from this address (one NAT, one attacker)…
    let last = 0;
    for (let i = 0; i < 22; i += 1)
      last = (await fetch(`${server.url}/api/v1/services`, { headers: { Authorization: `Bearer wf_attacker${i}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` } }))
        .status;
    expect(last).toBe(429);
    // …and the team's CI, behind the same address, still gets in; the attacker still does not.
    const valid = await fetch(`${server.url}/api/v1/services`, { headers: { Authorization: `Bearer ${token}` } });
    expect(valid.status).toBe(200);
    const bad = await fetch(`${server.url}/api/v1/services`, { headers: { Authorization: "Bearer wf_attackerxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } });
    expect(bad.status).toBe(429);
  }, 120_000);
});
