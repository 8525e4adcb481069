/**
 * Governed change over HTTP against the production build: a maintainer approves single breaking
 * changes (rule, operation, pointer) and a team waives a rule for a path pattern until a date.
 * `wayfinder check --fail-on breaking` passes once every breaking change is covered and says what
 * covers each; publishing under `block` accepts covered changes without a reason; an approval does not
 * cover another break in the same operation, an expired or revoked one covers nothing, and a waiver
 * covers only paths its pattern matches. Audited, and sent as `change.approved`.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractErrors } from "../support/contract";
import { startPortal, undeclaredStatuses, type PortalServer } from "../support/portal-server";
import { jsonCall } from "../support/json-call";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const run = promisify(execFile);
const ok = { "200": { description: "ok" } };

/**
 * 1.0.0 has /pets (an optional `limit`), /legacy/things and /other; 2.0.0 drops /legacy/things and
 * /other, makes `limit` required and adds a required `sort`: four breaking changes, two in GET /pets.
 */
const v1 = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Governed", version: "1.0.0" },
  paths: {
    "/pets": { get: { parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }], responses: ok }, post: { responses: ok } },
    "/legacy/things": { get: { responses: ok } },
    "/other": { get: { responses: ok } },
  },
});
const v2 = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Governed", version: "2.0.0" },
  paths: {
    "/pets": {
      get: {
        parameters: [
          { name: "limit", in: "query", required: true, schema: { type: "integer" } },
          { name: "sort", in: "query", required: true, schema: { type: "string" } },
        ],
        responses: ok,
      },
      post: { responses: ok },
    },
  },
});

describe("approvals and waivers", () => {
  let server: PortalServer;
  let dataDir: string;
  let work: string;
  let admin: SessionHeaders;
  let maintainer: SessionHeaders;
  let member: SessionHeaders;
  let token: string;

  const call = (who: Record<string, string>, method: string, url: string, body?: unknown) => jsonCall(server.url, who, method, url, body);
  const check = async () => {
    try {
      const { stdout } = await run(
        process.execPath,
        [path.resolve("public/cli/wayfinder.mjs"), "check", "--service", "governed", path.join(work, "v2.json"), "--fail-on", "breaking", "--format", "text"],
        {
          env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token },
        },
      );
      return { code: 0, out: stdout };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, out: failure.stdout + failure.stderr };
    }
  };
  /** The breaking changes a check of 2.0.0 against 1.0.0 finds, as the REST diff reports them. */
  const breaking = async () => {
    const diff = await call({ Authorization: `Bearer ${token}` }, "POST", "/api/v1/diff", { base: v1, revision: v2 });
    return (diff.body!.changes as { id: string; level: string; operation: string; pointer: { base?: string; revision?: string } }[]).filter(
      (change) => change.level === "breaking",
    );
  };
  const approve = (who: Record<string, string>, change: { id: string; operation: string; pointer: { base?: string; revision?: string } }, extra = {}) =>
    call(who, "POST", "/api/v1/services/governed/approvals", {
      ruleId: change.id,
      target: change.operation,
      pointer: change.pointer.revision ?? change.pointer.base ?? "",
      reason: `clients of ${change.operation} were told`,
      ...extra,
    });

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-approvals-");
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-approvals-files-"));
    writeFileSync(path.join(work, "v2.json"), v2);
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@gov.test" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@gov.test" });
    await call(admin, "POST", "/api/v1/teams", { slug: "gov", name: "Gov" });
    await call(admin, "PUT", "/api/v1/teams/gov/members", { email: "maint@gov.test", role: "maintainer" });
    await call(admin, "PUT", "/api/v1/teams/gov/members", { email: "dev@gov.test", role: "member" });
    await call(admin, "POST", "/api/v1/services", { slug: "governed", name: "Governed", primaryOwner: "gov" });
    maintainer = await signInLocally(server.url, { name: "Maint", email: "maint@gov.test" });
    member = await signInLocally(server.url, { name: "Dev", email: "dev@gov.test" });
    token = (await call(admin, "POST", "/api/v1/teams/gov/tokens", { name: "ci", service: "governed" })).body!.token as string;
    const published = await fetch(`${server.url}/api/v1/services/governed/versions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: v1,
    });
    expect(published.status).toBe(201);
    expect((await call(maintainer, "PATCH", "/api/v1/services/governed", { breakingChangePolicy: "block" })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("finds four breaking changes and fails the check", async () => {
    expect((await breaking()).map((change) => [change.id, change.operation]).sort()).toEqual([
      ["endpoint-removed", "GET /legacy/things"],
      ["endpoint-removed", "GET /other"],
      ["new-required-request-parameter", "GET /pets"],
      ["request-parameter-became-required", "GET /pets"],
    ]);
    const failing = await check();
    expect(failing.code).toBe(1);
    expect(failing.out).not.toMatch(/^approved /m);
    // Each uncovered break comes with a link to the portal's approval form, the change filled in.
    expect(failing.out).toContain(
      `approve? endpoint-removed at GET /other: ${server.url}/services/governed/changes?approveRule=endpoint-removed&approveTarget=GET+%2Fother&approvePointer=%2Fpaths%2F%7E1other%2Fget#approvals`,
    );
    expect(failing.out.match(/^approve\? /gm)).toHaveLength(4);
  });

  it("lets maintainers and the owning team's token approve a change, not a member", async () => {
    const [removed] = (await breaking()).filter((change) => change.operation === "GET /other");
    expect((await approve(member, removed!)).status).toBe(403);
    const made = await approve(maintainer, removed!);
    expect(made.status).toBe(201);
    expect(contractErrors("/services/{slug}/approvals", "post", 201, made.body)).toEqual([]);
    expect(made.body).toMatchObject({ ruleId: "endpoint-removed", target: "GET /other", createdBy: "maint@gov.test", revokedAt: null });
    // A rule that does not exist, or one that is not breaking, is refused with its name.
    const unknown = await approve(maintainer, { ...removed!, id: "no-such-rule" });
    expect(unknown.status).toBe(400);
    expect(unknown.body!.error.message).toContain("no-such-rule");
    const info = await approve(maintainer, { ...removed!, id: "endpoint-added" });
    expect(info.status).toBe(400);
    expect(info.body!.error.message).toMatch(/only breaking changes need approval/);
  });

  it("does not cover a different break in the same operation with another change's approval", async () => {
    const [required] = (await breaking()).filter((change) => change.id === "request-parameter-became-required");
    expect((await approve({ Authorization: `Bearer ${token}` }, required!)).status).toBe(201);
    // GET /other and `limit` becoming required are approved; `sort` (same operation) and GET /legacy/things are not.
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/approved endpoint-removed at GET \/other: approval \S+ by maint@gov\.test/);
    expect(result.out).toMatch(/approved request-parameter-became-required at GET \/pets: approval \S+ by token "ci"/);
    expect(result.out).not.toMatch(/approved new-required-request-parameter/);
    const refused = await fetch(`${server.url}/api/v1/services/governed/versions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: v2,
    });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { message: string; details: { changes: { operation: string }[] } } };
    expect(body.error.message).toMatch(/4 breaking changes .*, 2 of them approved/);
    expect(body.error.details.changes.map((change) => change.operation).sort()).toEqual(["GET /legacy/things", "GET /pets"]);
  });

  it("covers nothing with an expired approval", async () => {
    const [sort] = (await breaking()).filter((change) => change.id === "new-required-request-parameter");
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await approve({ Authorization: `Bearer ${token}` }, sort!, { expiresAt: soon })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const listed = await call(maintainer, "GET", "/api/v1/services/governed/approvals");
    expect(listed.body!.items).toHaveLength(3);
    expect(contractErrors("/services/{slug}/approvals", "get", 200, listed.body)).toEqual([]);
    expect((await check()).out).not.toMatch(/approved new-required-request-parameter/);
  });

  it("covers a rule for the paths a waiver's pattern matches, and no others", async () => {
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    // Team waivers are for its maintainers (and admins); portal-wide ones for admins.
    expect(
      (await call(member, "POST", "/api/v1/waivers", { team: "gov", ruleId: "endpoint-removed", pathPattern: "/legacy/**", reason: "x", expiresAt: inAMonth }))
        .status,
    ).toBe(403);
    expect(
      (await call(maintainer, "POST", "/api/v1/waivers", { ruleId: "endpoint-removed", pathPattern: "/legacy/**", reason: "x", expiresAt: inAMonth })).status,
    ).toBe(403);
    const waiver = await call(maintainer, "POST", "/api/v1/waivers", {
      team: "gov",
      ruleId: "endpoint-removed",
      pathPattern: "/legacy/**",
      reason: "the legacy API is being retired",
      expiresAt: inAMonth,
    });
    expect(waiver.status).toBe(201);
    expect(contractErrors("/waivers", "post", 201, waiver.body)).toEqual([]);
    const result = await check();
    expect(result.out).toMatch(/approved endpoint-removed at GET \/legacy\/things: waiver/);
    // `sort`'s approval expired: still one uncovered break.
    expect(result.code).toBe(1);
    expect((await call(admin, "GET", "/api/v1/waivers")).body!.items.map((item: { pathPattern: string }) => item.pathPattern)).toEqual(["/legacy/**"]);
  });

  it("passes the check and the publish under block once every breaking change is covered, and revokes", async () => {
    const [sort] = (await breaking()).filter((change) => change.id === "new-required-request-parameter");
    const approval = await approve(maintainer, sort!);
    expect(approval.status).toBe(201);
    const passing = await check();
    expect(passing.code).toBe(0);
    expect(passing.out.match(/^approved /gm)).toHaveLength(4);

    // Revoked, it covers nothing again; approved again, the publish goes through without a reason.
    expect((await call(member, "DELETE", `/api/v1/approvals/${approval.body!.id}`)).status).toBe(403);
    expect((await call(maintainer, "DELETE", `/api/v1/approvals/${approval.body!.id}`)).body).toMatchObject({ revokedAt: expect.any(String) });
    expect((await check()).code).toBe(1);
    expect((await approve(maintainer, sort!)).status).toBe(201);
    const published = await fetch(`${server.url}/api/v1/services/governed/versions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: v2,
    });
    expect(published.status).toBe(201);
    const result = (await published.json()) as { diff: { acceptedBreakingReason: string; summary: { breaking: number } } };
    expect(result.diff.summary.breaking).toBe(4);
    expect(result.diff.acceptedBreakingReason).toMatch(/^approved: /);

    const audit = await call(admin, "GET", "/api/v1/audit?action=change.approve");
    expect(audit.body!.items.length).toBe(5);
    expect((await call(admin, "GET", "/api/v1/audit?action=waiver.create")).body!.items).toHaveLength(1);
  });

  it("answers no status that its operation does not declare", () => {
    expect(undeclaredStatuses(server.output())).toEqual([]);
  });
});
