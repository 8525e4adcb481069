/**
 * Publishing compares each new version with the one it follows and applies the service's breaking
 * change policy, over HTTP against the production build: warn (stored, flagged, semver checked),
 * block (409 with the changes, warned about at Check), block with a maintainer's reason or CI's
 * (`wayfinder publish --accept-breaking` with the owning team's token; stored, audited), and neither a
 * member who is not a maintainer nor another team's token may give that reason.
 */
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";
import { contractErrors } from "../support/contract";
import { testDatabases, migratedDataDir } from "../support/test-databases";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";

const run = promisify(execFile);

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
  let otherToken: string;
  let member: SessionHeaders;

  const publish = (who: Record<string, string>, body: string, query = "") =>
    fetch(`${server.url}/api/v1/services/policed/versions${query}`, { method: "POST", headers: { ...who, "Content-Type": "application/json" }, body });
  const json = async (response: Response) => (await response.json()) as Record<string, any>;

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-policy-");
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
    await fetch(`${server.url}/api/v1/teams/policy/members`, {
      method: "PUT",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "dev@policy.test", role: "member" }),
    });
    member = await signInLocally(server.url, { name: "Dev", email: "dev@policy.test" });
    await post("/api/v1/teams", { slug: "elsewhere", name: "Elsewhere" });
    otherToken = ((await (await post("/api/v1/teams/elsewhere/tokens", { name: "ci" })).json()) as { token: string }).token;
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
    expect(body.message).toMatch(/^Warning: 1 breaking change for clients of 1\.0\.0\./);
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

  it("warns at Check that a publish will be refused, and says the caller may give a reason", async () => {
    const check = async (who: Record<string, string>) => json(await publish(who, document("2.0.0", true), "?dryRun=true"));
    const byMaintainer = await check(maintainer);
    expect(contractErrors("/services/{slug}/versions", "post", 200, byMaintainer)).toEqual([]);
    expect(byMaintainer.preview).toEqual({
      policy: "block",
      base: { version: "1.1.0", revision: 1 },
      summary: { breaking: 1, warning: 0, info: 0 },
      semverViolation: false,
      refused: true,
      mayAcceptBreaking: true,
      unchanged: false,
    });
    // A member who is not a maintainer may not publish at all, so not check a publish either.
    expect((await publish(member, document("2.0.0", true), "?dryRun=true")).status).toBe(403);
  });

  it("lets a maintainer publish them anyway with a reason, audited; a member who is not a maintainer may not", async () => {
    const byMember = await publish(member, document("2.0.0", true), "?acceptBreaking=members%20cannot");
    expect(byMember.status).toBe(403);
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

  it("lets CI give the reason with `wayfinder publish --accept-breaking` and the owning team's token; another team's token may not", async () => {
    const file = path.join(dataDir, "policed-3.json");
    // 3.0.0 drops GET /things: breaking against 2.0.0.
    writeFileSync(file, JSON.stringify({ openapi: "3.0.3", info: { title: "Policed", version: "3.0.0" }, paths: {} }));
    const cli = (args: string[], withToken: string) =>
      run(process.execPath, [path.resolve("bin/wayfinder.mjs"), "publish", "--service", "policed", ...args, file], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", WAYFINDER_URL: server.url, WAYFINDER_TOKEN: withToken },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
      );
    const refused = await cli([], token);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/blocks breaking changes.*--accept-breaking/);
    const foreign = await cli(["--accept-breaking", "not ours"], otherToken);
    expect(foreign.code).toBe(2);
    expect(foreign.out).toMatch(/not allowed to publish API versions of "policed"/);
    const accepted = await cli(["--accept-breaking", "3.0 announced in March; no callers left"], token);
    expect(accepted.out).toContain("breaking changes accepted: 3.0 announced in March; no callers left");
    expect(accepted.code).toBe(0);
    const history = (await json(await fetch(`${server.url}/api/v1/services/policed/history`, { headers: maintainer }))).items as {
      action: string;
      actor: string;
      after: { version?: string; diff?: { acceptedBreakingReason: string } };
    }[];
    const entry = history.find((item) => item.action === "version.publish_breaking" && item.after.version === "3.0.0");
    expect(entry?.after.diff?.acceptedBreakingReason).toBe("3.0 announced in March; no callers left");
  });
});

describe.each(testDatabases)("allow and warn differ, on $name", ({ open }) => {
  const actor = systemActor("policy test");
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "policies", name: "Policies" } });
  });
  afterAll(async () => db?.close());

  it("warn leads the publish message with the breaking changes and announces change.breaking; allow only records them", async () => {
    const outcomes: Record<string, { message: string; announced: number; recorded: number }> = {};
    for (const policy of ["warn", "allow"] as const) {
      const slug = `policy-${policy}`;
      await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "policies", breakingChangePolicy: policy } });
      await publishVersion(db.prisma, { actor, serviceSlug: slug, text: document("1.0.0", false, "/extra") });
      const result = await publishVersion(db.prisma, { actor, serviceSlug: slug, text: document("2.0.0", false) });
      const service = await db.prisma.service.findUniqueOrThrow({ where: { slug } });
      outcomes[policy] = {
        message: result.message,
        announced: await db.prisma.webhookEvent.count({ where: { serviceId: service.id, type: "change.breaking" } }),
        recorded: result.diff?.summary.breaking ?? 0,
      };
    }
    expect(outcomes.warn).toEqual({
      message: expect.stringMatching(/^Warning: 1 breaking change for clients of 1\.0\.0\. Published 2\.0\.0/),
      announced: 1,
      recorded: 1,
    });
    expect(outcomes.allow).toEqual({ message: expect.stringMatching(/^Published 2\.0\.0 .*1 breaking/), announced: 0, recorded: 1 });
  });
});
