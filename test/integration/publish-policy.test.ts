/**
 * Publishing compares each new version with the one it follows and applies the service's breaking
 * change policy, over HTTP against the production build: warn (stored, flagged, semver checked),
 * block (409 with the changes), block with a maintainer's reason (stored, audited), and a token may
 * not give that reason.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractErrors } from "../support/contract";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";

const document = (version: string, required: boolean, extraPath?: string) =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Policed", version },
    paths: {
      "/things": { get: { parameters: [{ name: "filter", in: "query", required, schema: { type: "string" } }], responses: { "200": { description: "ok" } } } },
      ...(extraPath ? { [extraPath]: { get: { responses: { "200": { description: "ok" } } } } } : {}),
    },
  });

describe("publishing with a breaking-change policy", () => {
  let server: PortalServer;
  let dataDir: string;
  let admin: SessionHeaders;
  let maintainer: SessionHeaders;
  let token: string;

  const publish = (who: Record<string, string>, body: string, query = "") =>
    fetch(`${server.url}/api/v1/services/policed/versions${query}`, { method: "POST", headers: { ...who, "Content-Type": "application/json" }, body });
  const json = async (response: Response) => (await response.json()) as Record<string, any>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-policy-"));
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@policy.test" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@policy.test" });
    const post = (url: string, body: unknown, who: Record<string, string> = admin) =>
      fetch(`${server.url}${url}`, { method: "POST", headers: { ...who, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    await post("/api/v1/teams", { slug: "policy", name: "Policy" });
    await fetch(`${server.url}/api/v1/teams/policy/members`, {
      method: "PUT",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "maint@policy.test", role: "maintainer" }),
    });
    await post("/api/v1/services", { slug: "policed", name: "Policed", primaryOwner: "policy" });
    maintainer = await signInLocally(server.url, { name: "Maint", email: "maint@policy.test" });
    token = ((await (await post("/api/v1/teams/policy/tokens", { name: "ci", service: "policed" })).json()) as { token: string }).token;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("stored the demo's Payments API 1.1.0 with what changed since 1.0.0", async () => {
    const versions = (await json(await fetch(`${server.url}/api/v1/services/payments-api/versions`))).items as {
      version: string;
      changes: { base: { version: string } } | null;
    }[];
    expect(versions.find((version) => version.version === "1.1.0")?.changes?.base.version).toBe("1.0.0");
    expect(versions.find((version) => version.version === "1.0.0")?.changes).toBeNull();
  });

  it("warns by default: stores a breaking version, with its changes and the missing major bump", async () => {
    const bearer = { Authorization: `Bearer ${token}` };
    const first = await publish(bearer, document("1.0.0", false));
    expect(first.status).toBe(201);
    expect((await json(first)).diff).toBeNull();
    const second = await publish(bearer, document("1.1.0", true, "/extra"));
    expect(second.status).toBe(201);
    const body = await json(second);
    expect(contractErrors("/services/{slug}/versions", "post", 201, body)).toEqual([]);
    expect(body.diff).toEqual({
      base: { version: "1.0.0", revision: 1 },
      summary: { breaking: 1, warning: 0, info: 1 },
      semverViolation: true,
      acceptedBreakingReason: null,
    });
  });

  it("blocks breaking changes when the policy says so, listing them, and stores nothing", async () => {
    const changed = await fetch(`${server.url}/api/v1/services/policed`, {
      method: "PATCH",
      headers: { ...maintainer, "Content-Type": "application/json" },
      body: JSON.stringify({ breakingChangePolicy: "block" }),
    });
    expect(changed.status).toBe(200);
    expect((await json(changed)).breakingChangePolicy).toBe("block");
    const refused = await publish({ Authorization: `Bearer ${token}` }, document("2.0.0", true));
    expect(refused.status).toBe(409);
    const refusal = await json(refused);
    // Declared by the contract, as every status the server answers must be.
    expect(contractErrors("/services/{slug}/versions", "post", 409, refusal)).toEqual([]);
    const error = refusal.error;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/1 breaking change since 1\.1\.0 .*acceptBreaking=<reason>/);
    expect(error.details.changes.map((change: { id: string; operation: string }) => [change.id, change.operation])).toEqual([
      ["endpoint-removed", "GET /extra"],
    ]);
    const versions = (await json(await fetch(`${server.url}/api/v1/services/policed/versions`))).items as unknown[];
    expect(versions).toHaveLength(2);
  });

  it("lets a maintainer publish them anyway with a reason, audited; a token may not", async () => {
    const byToken = await publish({ Authorization: `Bearer ${token}` }, document("2.0.0", true), "?acceptBreaking=ci%20says%20so");
    expect(byToken.status).toBe(403);
    const accepted = await publish(maintainer, document("2.0.0", true), `?acceptBreaking=${encodeURIComponent("/extra was never used (logs checked)")}`);
    expect(accepted.status).toBe(201);
    expect((await json(accepted)).diff).toMatchObject({
      summary: { breaking: 1 },
      semverViolation: false,
      acceptedBreakingReason: "/extra was never used (logs checked)",
    });
    const history = (await json(await fetch(`${server.url}/api/v1/services/policed/history`, { headers: maintainer }))).items as {
      action: string;
      after: { diff?: { acceptedBreakingReason: string } };
    }[];
    expect(history.map((entry) => entry.action)).toContain("service.update");
    expect(history.find((entry) => entry.action === "version.publish_breaking")?.after.diff?.acceptedBreakingReason).toBe(
      "/extra was never used (logs checked)",
    );
  });

  it("answers the changelog and any comparison, as the contract says", async () => {
    const changes = await json(await fetch(`${server.url}/api/v1/services/policed/changes`));
    expect(contractErrors("/services/{slug}/changes", "get", 200, changes)).toEqual([]);
    expect(changes.items.map((item: { version: string; summary: { breaking: number } }) => [item.version, item.summary.breaking])).toEqual([
      ["2.0.0", 1],
      ["1.1.0", 1],
      ["1.0.0", 0],
    ]);
    const breaking = await json(await fetch(`${server.url}/api/v1/services/policed/changes?level=breaking`));
    expect(breaking.items[1].changes.map((change: { id: string }) => change.id)).toEqual(["request-parameter-became-required"]);
    const diff = await json(await fetch(`${server.url}/api/v1/services/policed/diff?from=1.0.0&to=2.0.0`));
    expect(contractErrors("/services/{slug}/diff", "get", 200, diff)).toEqual([]);
    expect(diff).toMatchObject({ from: { version: "1.0.0", revision: 1 }, to: { version: "2.0.0", revision: 1 }, summary: { breaking: 1 } });
    expect((await fetch(`${server.url}/api/v1/services/policed/diff?from=1.0.0&to=9.9.9`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/services/policed/diff?from=1.0.0`)).status).toBe(400);
  });

  it("lists recent changes across services by team and level, and as an Atom feed", async () => {
    const recent = await json(await fetch(`${server.url}/api/v1/changes?team=policy`));
    expect(contractErrors("/changes", "get", 200, recent)).toEqual([]);
    expect(recent.items.map((item: { service: { slug: string }; version: string }) => `${item.service.slug} ${item.version}`)).toEqual([
      "policed 2.0.0",
      "policed 1.1.0",
    ]);
    const breaking = await json(await fetch(`${server.url}/api/v1/changes?level=breaking`));
    expect(breaking.items.every((item: { summary: { breaking: number } }) => item.summary.breaking > 0)).toBe(true);
    const feed = await fetch(`${server.url}/changes/feed.atom?team=policy`);
    expect(feed.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain("<title>Policed 2.0.0 (revision 1): 1 breaking, 0 potentially breaking, 0 other</title>");
  });

  it("lists deprecations as the contract says, and the edit form's sunset date reaches them", async () => {
    const changed = await fetch(`${server.url}/api/v1/services/policed`, {
      method: "PATCH",
      headers: { ...maintainer, "Content-Type": "application/json" },
      body: JSON.stringify({ lifecycle: "deprecated", sunsetDate: "2030-01-31" }),
    });
    expect(changed.status).toBe(200);
    expect((await json(changed)).sunsetDate).toBe("2030-01-31");
    const deprecations = await json(await fetch(`${server.url}/api/v1/deprecations`));
    expect(contractErrors("/deprecations", "get", 200, deprecations)).toEqual([]);
    expect(deprecations.items).toContainEqual({
      kind: "service",
      service: { slug: "policed", name: "Policed" },
      lifecycle: "deprecated",
      operation: null,
      version: null,
      sunset: "2030-01-31",
    });
    expect((await fetch(`${server.url}/api/v1/deprecations?within=soon`)).status).toBe(400);
  });
});
