import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/load-user-actor";
import { signInUser } from "@/lib/auth/sign-in-user";
import type { Database } from "@/lib/platform/db/open-database";
import { inTransaction } from "@/lib/platform/db/types";
import { isAppError } from "@/lib/platform/errors";
import { importBackstage } from "@/lib/import/import-backstage";
import { archiveService } from "@/lib/services/archive-service";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { transferService } from "@/lib/services/transfer-service";
import { updateService } from "@/lib/services/update-service";
import { createTeam } from "@/lib/teams/create-team";
import { setMembership } from "@/lib/teams/set-membership";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { createToken } from "@/lib/tokens/create-token";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { hashToken } from "@/lib/auth/token-secret";
import { openApi30 } from "../support/documents";
import { testDatabases } from "../support/test-databases";

const system = systemActor("ownership test");

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "OK";
}

describe.each(testDatabases)("ownership, audit and tokens on $name", ({ open }) => {
  let db: Database;
  let ada: Actor; // maintainer of "core"
  let bob: Actor; // member of "core"
  let cy: Actor; // maintainer of "edge"
  let admin: Actor;

  const person = async (email: string) => {
    const user = await signInUser(db.prisma, { email, name: email.split("@")[0], firstUserIsAdmin: false });
    return loadUserActor(db.prisma, user.id, ["root@x.test"]);
  };

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor: system, input: { slug: "core", name: "Core" } });
    await createTeam(db.prisma, { actor: system, input: { slug: "edge", name: "Edge" } });
    await setMembership(db.prisma, { actor: system, teamSlug: "core", input: { email: "ada@x.test", role: "maintainer" } });
    await setMembership(db.prisma, { actor: system, teamSlug: "core", input: { email: "bob@x.test", role: "member" } });
    await setMembership(db.prisma, { actor: system, teamSlug: "edge", input: { email: "cy@x.test", role: "maintainer" } });
    [ada, bob, cy, admin] = (await Promise.all(["ada@x.test", "bob@x.test", "cy@x.test", "root@x.test"].map(person))) as [Actor, Actor, Actor, Actor];
  });
  afterAll(async () => db?.close());

  it("matches people who were added before they signed in by email, case-insensitively", async () => {
    const again = await signInUser(db.prisma, { email: "ADA@x.test", name: "Ada Lovelace", firstUserIsAdmin: false });
    expect(again.email).toBe("ada@x.test");
    expect((await loadUserActor(db.prisma, again.id, [])) as { teamRoles: object }).toMatchObject({ teamRoles: expect.any(Object), name: "Ada Lovelace" });
  });

  it("makes the first person to sign in admin while there is none, even one added by email before (the embedded default)", async () => {
    // ada, bob and cy exist (added to teams by email, signed in with firstUserIsAdmin off); none is admin.
    expect(await db.prisma.user.count({ where: { isAdmin: true } })).toBe(0);
    const first = await signInUser(db.prisma, { email: "bob@x.test", name: "Bob", firstUserIsAdmin: true });
    const second = await signInUser(db.prisma, { email: "newcomer@x.test", name: "Newcomer", firstUserIsAdmin: true });
    const admins = await db.prisma.user.findMany({ where: { isAdmin: true }, select: { id: true } });
    expect(admins).toEqual([{ id: first.id }]);
    expect(second.id).not.toBe(first.id);
    // Put things back: the tests below treat bob as a plain member.
    await db.prisma.user.update({ where: { id: first.id }, data: { isAdmin: false } });
    await db.prisma.user.delete({ where: { id: second.id } });
  });

  it("lets a member register a service for their team, not for others'", async () => {
    await createService(db.prisma, { actor: bob, input: { slug: "bobs-api", name: "Bob's API", primaryOwner: "core" } });
    expect(
      await errorCode(createService(db.prisma, { actor: bob, input: { slug: "sneaky", name: "Sneaky", primaryOwner: "core", otherOwners: ["edge"] } })),
    ).toBe("FORBIDDEN");
    expect(await errorCode(createService(db.prisma, { actor: { kind: "anonymous" }, input: { slug: "anon", name: "Anon", primaryOwner: "core" } }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await db.prisma.service.findUnique({ where: { slug: "sneaky" } })).toBeNull();
  });

  it("lets only maintainers of an owning team (and admins) edit, transfer and archive", async () => {
    expect(await errorCode(updateService(db.prisma, { actor: bob, slug: "bobs-api", changes: { description: "by bob" } }))).toBe("FORBIDDEN");
    expect(await errorCode(updateService(db.prisma, { actor: cy, slug: "bobs-api", changes: { description: "by cy" } }))).toBe("FORBIDDEN");
    await updateService(db.prisma, { actor: ada, slug: "bobs-api", changes: { description: "by ada" } });
    await updateService(db.prisma, { actor: admin, slug: "bobs-api", changes: { tier: 1 } });
    expect(await getService(db.prisma, "bobs-api")).toMatchObject({ description: "by ada", tier: 1 });
  });

  it("refuses adding an owning team the editor does not belong to", async () => {
    expect(await errorCode(updateService(db.prisma, { actor: ada, slug: "bobs-api", changes: { otherOwners: ["edge"] } }))).toBe("FORBIDDEN");
    await updateService(db.prisma, { actor: admin, slug: "bobs-api", changes: { otherOwners: ["edge"] } });
    expect((await getService(db.prisma, "bobs-api")).owners.map((owner) => [owner.slug, owner.isPrimary])).toEqual([
      ["core", true],
      ["edge", false],
    ]);
  });

  it("names each owning team's maintainers, with their emails only for readers who may see them", async () => {
    const maintainersBy = async (reader?: Actor) =>
      Object.fromEntries((await getService(db.prisma, "bobs-api", { reader })).owners.map((owner) => [owner.slug, owner.maintainers]));
    // ada signed in as "Ada Lovelace"; cy's name is the one signInUser made from the address.
    expect(await maintainersBy(bob)).toEqual({ core: [{ name: "Ada Lovelace", email: "ada@x.test" }], edge: [{ name: "cy", email: "cy@x.test" }] });
    expect(await maintainersBy({ kind: "anonymous" })).toEqual({ core: [{ name: "Ada Lovelace", email: null }], edge: [{ name: "cy", email: null }] });
    expect(await maintainersBy()).toEqual(await maintainersBy({ kind: "anonymous" }));
  });

  it("transfers primary ownership, keeping or dropping the previous primary", async () => {
    await transferService(db.prisma, { actor: ada, slug: "bobs-api", transfer: { primaryOwner: "edge" } });
    expect((await getService(db.prisma, "bobs-api")).owners.map((owner) => [owner.slug, owner.isPrimary])).toEqual([
      ["edge", true],
      ["core", false],
    ]);
    await transferService(db.prisma, { actor: cy, slug: "bobs-api", transfer: { primaryOwner: "core", keepPreviousOwner: false } });
    expect((await getService(db.prisma, "bobs-api")).owners.map((owner) => [owner.slug, owner.isPrimary])).toEqual([["core", true]]);
    expect(await errorCode(transferService(db.prisma, { actor: ada, slug: "bobs-api", transfer: { primaryOwner: "nowhere" } }))).toBe("VALIDATION_FAILED");
    expect((await getService(db.prisma, "bobs-api")).owners).toHaveLength(1);
  });

  it("archives: retired, still readable, and recorded", async () => {
    await archiveService(db.prisma, { actor: ada, slug: "bobs-api" });
    const row = await db.prisma.service.findUniqueOrThrow({ where: { slug: "bobs-api" }, select: { lifecycle: true, archivedAt: true } });
    expect(row.lifecycle).toBe("retired");
    expect(row.archivedAt).toBeInstanceOf(Date);
    await updateService(db.prisma, { actor: ada, slug: "bobs-api", changes: { lifecycle: "production" } });
    expect((await db.prisma.service.findUniqueOrThrow({ where: { slug: "bobs-api" } })).archivedAt).toBeNull();
  });

  it("records every change with who, what, before and after", async () => {
    const entries = await db.prisma.auditEntry.findMany({ where: { entityKey: "bobs-api" }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => `${entry.actorLabel} ${entry.action}`)).toEqual([
      "bob@x.test service.create",
      "ada@x.test service.update",
      "root@x.test service.update",
      "root@x.test service.update",
      "ada@x.test service.transfer",
      "cy@x.test service.transfer",
      "ada@x.test service.update",
      "ada@x.test service.update",
    ]);
    expect(entries[1]).toMatchObject({ before: expect.objectContaining({ description: "" }), after: expect.objectContaining({ description: "by ada" }) });
  });

  it("writes the audit entry in the change's transaction: a failed change leaves neither", async () => {
    const before = await db.prisma.auditEntry.count();
    await expect(
      inTransaction(db.prisma, async (tx) => {
        await updateService(tx, { actor: ada, slug: "bobs-api", changes: { description: "never saved" } });
        throw new Error("the request failed after the change");
      }),
    ).rejects.toThrow("the request failed after the change");
    expect(await db.prisma.auditEntry.count()).toBe(before);
    expect((await getService(db.prisma, "bobs-api")).description).toBe("by ada");
    expect(await errorCode(updateService(db.prisma, { actor: ada, slug: "bobs-api", changes: { otherOwners: ["ghosts"] } }))).toBe("VALIDATION_FAILED");
    expect(await db.prisma.auditEntry.count()).toBe(before);
  });

  describe("API tokens", () => {
    it("stores only a hash, shows the token once, and acts within its scope", async () => {
      await createService(db.prisma, { actor: ada, input: { slug: "core-two", name: "Core two", primaryOwner: "core" } });
      const created = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "ci", service: "core-two" } });
      expect(created.token).toMatch(/^wf_[\w-]{43}$/);
      const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.tokenHash).toBe(hashToken(created.token));
      expect(JSON.stringify(await db.prisma.apiToken.findMany())).not.toContain(created.token);
      expect(JSON.stringify(await db.prisma.auditEntry.findMany())).not.toContain(created.token);

      const actor = await authenticateToken(db.prisma, created.token);
      expect(actor).toMatchObject({ kind: "token", serviceId: row.serviceId });
      expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toBeInstanceOf(Date);
      await updateService(db.prisma, { actor, slug: "core-two", changes: { description: "from CI" } });
      expect(await errorCode(updateService(db.prisma, { actor, slug: "bobs-api", changes: { description: "out of scope" } }))).toBe("FORBIDDEN");
      expect(await errorCode(createToken(db.prisma, { actor, teamSlug: "core", input: { name: "more" } }))).toBe("FORBIDDEN");
      await publish(actor, "core-two");
    });

    it("refuses unknown, expired and revoked tokens", async () => {
      expect(await errorCode(authenticateToken(db.prisma, "wf_not-a-real-token-at-all-xxxxxxxxxxxxxxxx"))).toBe("UNAUTHORIZED");
      const created = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "short", expiresInDays: 1 } });
      await db.prisma.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect(await errorCode(authenticateToken(db.prisma, created.token))).toBe("UNAUTHORIZED");
      const other = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "revoke me" } });
      expect(await errorCode(revokeToken(db.prisma, { actor: cy, tokenId: other.id }))).toBe("FORBIDDEN");
      await revokeToken(db.prisma, { actor: ada, tokenId: other.id });
      expect(await errorCode(authenticateToken(db.prisma, other.token))).toBe("UNAUTHORIZED");
    });

    it("lets a token act only while its team owns the service, and shows it to the service's maintainers", async () => {
      await createService(db.prisma, { actor: ada, input: { slug: "moving", name: "Moving", primaryOwner: "core" } });
      const scoped = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "moving ci", service: "moving" } });
      const teamWide = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "core ci" } });
      const tokenActor = await authenticateToken(db.prisma, scoped.token);
      await updateService(db.prisma, { actor: tokenActor, slug: "moving", changes: { description: "before the move" } });

      // Shared with edge: edge's maintainer sees both core tokens that can act on it, and may revoke the scoped one.
      await transferService(db.prisma, { actor: ada, slug: "moving", transfer: { primaryOwner: "edge" } });
      const seenByCy = await listServiceTokens(db.prisma, { actor: cy, slug: "moving" });
      expect(seenByCy.map((token) => token.name).sort()).toEqual(["core ci", "moving ci"]);
      expect(await errorCode(listServiceTokens(db.prisma, { actor: bob, slug: "moving" }))).toBe("FORBIDDEN");
      expect(await errorCode(listServiceTokens(db.prisma, { actor: { kind: "anonymous" }, slug: "moving" }))).toBe("UNAUTHORIZED");

      // Moved away entirely: core's tokens can do nothing with it any more, not even transfer it back.
      await updateService(db.prisma, { actor: cy, slug: "moving", changes: { otherOwners: [] } });
      for (const token of [scoped.token, teamWide.token]) {
        const actor = await authenticateToken(db.prisma, token);
        expect(await errorCode(updateService(db.prisma, { actor, slug: "moving", changes: { description: "after the move" } }))).toBe("FORBIDDEN");
        expect(await errorCode(transferService(db.prisma, { actor, slug: "moving", transfer: { primaryOwner: "core" } }))).toBe("FORBIDDEN");
      }
      expect(await listServiceTokens(db.prisma, { actor: cy, slug: "moving" })).toEqual([]);
      expect((await getService(db.prisma, "moving"))?.description).toBe("before the move");
    });

    it("lets a service's maintainer revoke a token scoped to it, though it belongs to another team", async () => {
      await createService(db.prisma, { actor: admin, input: { slug: "shared", name: "Shared", primaryOwner: "core", otherOwners: ["edge"] } });
      const scoped = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "shared ci", service: "shared" } });
      const teamWide = await createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "core wide" } });
      expect(await errorCode(revokeToken(db.prisma, { actor: cy, tokenId: teamWide.id }))).toBe("FORBIDDEN");
      await revokeToken(db.prisma, { actor: cy, tokenId: scoped.id });
      expect(await errorCode(authenticateToken(db.prisma, scoped.token))).toBe("UNAUTHORIZED");
    });

    it("lets only maintainers create tokens, for services their team owns", async () => {
      expect(await errorCode(createToken(db.prisma, { actor: bob, teamSlug: "core", input: { name: "x" } }))).toBe("FORBIDDEN");
      expect(await errorCode(createToken(db.prisma, { actor: ada, teamSlug: "core", input: { name: "x", service: "no-such-service" } }))).toBe(
        "VALIDATION_FAILED",
      );
    });
  });

  async function publish(actor: Actor, slug: string) {
    const { publishVersion } = await import("@/lib/versions/publish-version");
    const result = await publishVersion(db.prisma, { actor, serviceSlug: slug, text: openApi30("1.0.0") });
    expect(result.outcome).toBe("created");
  }

  describe("Backstage import", () => {
    const catalog = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout
  description: Checkout and baskets.
spec:
  type: team
  profile: { displayName: Checkout, email: checkout@x.test }
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: storefront }
spec: { owner: group:default/checkout }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: basket-service
  title: Basket Service
  description: Keeps shoppers' baskets.
  tags: [java, Checkout]
  links:
    - { url: "https://grafana.x.test/d/basket", title: Dashboard }
  annotations:
    github.com/project-slug: acme/basket-service
spec:
  type: service
  lifecycle: production
  owner: group:default/checkout
  system: storefront
  providesApis: [basket-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: basket-api, description: The basket API }
spec:
  type: openapi
  lifecycle: production
  owner: checkout
  definition: |
    openapi: 3.0.3
    info: { title: Basket API, version: 2.0.0 }
    paths:
      /baskets/{id}:
        get:
          parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
          responses: { '200': { description: The basket. } }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-gateway }
spec: { type: service, lifecycle: beta, owner: checkout }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: orphan-service }
spec: { type: service, lifecycle: production, owner: group:default/nobody }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: personal-tool }
spec: { type: tool, lifecycle: experimental, owner: user:default/ada }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { description: no name }
spec: { type: service, lifecycle: production, owner: checkout }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: basket-db }
spec: { type: database, owner: checkout }
---
kind: Component
metadata: [this is: not valid
`;

    it("is for admins only", async () => {
      expect(await errorCode(importBackstage(db.prisma, { actor: ada, yaml: catalog }))).toBe("FORBIDDEN");
      expect(await db.prisma.team.findUnique({ where: { slug: "checkout" } })).toBeNull();
    });

    it("imports what it can, reports each entity, and writes nothing for the rest", async () => {
      const { outcomes } = await importBackstage(db.prisma, { actor: admin, yaml: catalog });
      const byName = Object.fromEntries(outcomes.map((outcome) => [`${outcome.document}:${outcome.name}`, outcome]));
      expect(byName["1:checkout"]).toMatchObject({ kind: "Group", action: "created", target: "/teams/checkout" });
      expect(byName["2:storefront"]).toMatchObject({ kind: "System", action: "skipped" });
      expect(byName["3:basket-service"]).toMatchObject({ kind: "Component", action: "created" });
      expect(byName["4:basket-api"]).toMatchObject({ kind: "API", action: "updated", reason: expect.stringContaining("API version 2.0.0") });
      expect(byName["5:payments-gateway"]).toMatchObject({ action: "failed", reason: expect.stringContaining('lifecycle "beta"') });
      expect(byName["6:orphan-service"]).toMatchObject({ action: "failed", reason: expect.stringContaining('group "nobody"') });
      expect(byName["7:personal-tool"]).toMatchObject({ action: "skipped", reason: expect.stringContaining("owned by user") });
      expect(byName["8:?"]).toMatchObject({ action: "failed", reason: expect.stringContaining("metadata.name") });
      expect(byName["9:basket-db"]).toMatchObject({ action: "skipped", reason: expect.stringContaining('kind "Resource"') });
      expect(byName["10:?"]).toMatchObject({ action: "failed", reason: expect.stringContaining("not valid YAML") });

      const basket = await getService(db.prisma, "basket-service");
      expect(basket).toMatchObject({
        name: "Basket Service",
        lifecycle: "production",
        repositoryUrl: "https://github.com/acme/basket-service",
        tags: ["java", "checkout", "system-storefront"],
      });
      // The admin who imported it became the new team's maintainer (as any team's creator does).
      expect(basket.owners).toEqual([
        {
          slug: "checkout",
          name: "Checkout",
          isPrimary: true,
          chatChannel: null,
          email: "checkout@x.test",
          onCallUrl: null,
          maintainers: [{ name: "root", email: null }],
        },
      ]);
      expect(basket.links).toEqual([{ kind: "other", label: "Dashboard", url: "https://grafana.x.test/d/basket" }]);
      expect(basket.versions.map((version) => version.version)).toEqual(["2.0.0"]);
      for (const slug of ["payments-gateway", "orphan-service", "personal-tool"]) expect(await db.prisma.service.findUnique({ where: { slug } })).toBeNull();
    });

    it("is idempotent: importing again changes nothing", async () => {
      const audit = await db.prisma.auditEntry.count();
      const { outcomes } = await importBackstage(db.prisma, { actor: admin, yaml: catalog });
      expect(
        outcomes
          .filter((outcome) => ["Group", "Component", "API"].includes(outcome.kind) && outcome.name !== "?")
          .map((outcome) => `${outcome.name}:${outcome.action}`),
      ).toEqual([
        "checkout:unchanged",
        "basket-service:unchanged",
        "basket-api:unchanged",
        "payments-gateway:failed",
        "orphan-service:failed",
        "personal-tool:skipped",
      ]);
      expect(await db.prisma.auditEntry.count()).toBe(audit);
    });
  });
});
