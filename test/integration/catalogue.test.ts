import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { isAppError } from "@/lib/platform/errors";
import { describeVersionEntry } from "@/lib/audit/describe-change";
import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { createTeam } from "@/lib/teams/create-team";
import { getTeam } from "@/lib/teams/get-team";
import { getVersionDocument } from "@/lib/versions/get-version-document";
import { listVersions } from "@/lib/versions/list-versions";
import { publishVersion } from "@/lib/versions/publish-version";
import { openApi30 } from "../support/documents";
import { testDatabases } from "../support/test-databases";

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

const actor = systemActor("catalogue test");
const filters = (input: Record<string, unknown> = {}) => serviceFiltersSchema.parse(input);

describe.each(testDatabases)("catalogue on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "alpha", name: "Alpha" } });
    await createTeam(db.prisma, { actor, input: { slug: "beta", name: "Beta" } });
    await createService(db.prisma, {
      actor,
      input: {
        slug: "svc-one",
        name: "Service One",
        description: "Sends invoices",
        lifecycle: "production",
        tags: ["billing"],
        primaryOwner: "alpha",
        otherOwners: ["beta"],
      },
    });
    await createService(db.prisma, {
      actor,
      input: { slug: "svc-two", name: "Service Two", lifecycle: "deprecated", tags: ["billing", "legacy"], primaryOwner: "beta" },
    });
    await createService(db.prisma, { actor, input: { slug: "svc-three", name: "Service Three", lifecycle: "experimental", primaryOwner: "beta" } });
  });
  afterAll(async () => db?.close());

  describe("publishing versions", () => {
    it("stores a new version, makes it current and indexes its operations", async () => {
      const result = await publishVersion(db.prisma, { actor, serviceSlug: "svc-one", text: openApi30("1.0.0", ["/a", "/b"]) });
      expect(result).toMatchObject({ outcome: "created", kind: "version", version: "1.0.0", revision: 1, operationCount: 2 });
      expect(result.message).toBe("Published 1.0.0 as a new version (2 operations). It is the service's first version.");
      const service = await getService(db.prisma, "svc-one");
      expect(service.versions).toHaveLength(1);
      expect(service.versions[0]).toMatchObject({ version: "1.0.0", isCurrent: true, format: "openapi-3.0" });
      const operations = await db.prisma.operation.findMany({ where: { apiVersion: { service: { slug: "svc-one" } } }, orderBy: { path: "asc" } });
      expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(["get /a", "get /b"]);
    });

    it("treats identical content as a no-op, even re-written as YAML", async () => {
      const yaml = toYaml(JSON.parse(openApi30("1.0.0", ["/a", "/b"])));
      const result = await publishVersion(db.prisma, { actor, serviceSlug: "svc-one", text: yaml });
      expect(result).toMatchObject({ outcome: "unchanged", kind: "unchanged", version: "1.0.0", revision: 1 });
      expect(result.message).toBe("Unchanged: this content is already stored as 1.0.0 revision 1.");
      expect(await db.prisma.apiVersion.count({ where: { service: { slug: "svc-one" } } })).toBe(1);
    });

    it("makes new content under the same info.version a new revision", async () => {
      const result = await publishVersion(db.prisma, { actor, serviceSlug: "svc-one", text: openApi30("1.0.0", ["/a", "/b", "/c"]) });
      expect(result).toMatchObject({ outcome: "created", kind: "revision", version: "1.0.0", revision: 2, operationCount: 3 });
      // Said out loud: the same info.version with other content replaced what 1.0.0 shows.
      expect(result.message).toContain("Published as revision 2 of 1.0.0 (3 operations): the content differs from revision 1 but info.version is still 1.0.0");
      expect(result.message).toContain("Since 1.0.0 revision 1: 0 breaking, 0 potentially breaking, 1 other change.");
      const [entry] = await listAudit(db.prisma, auditFiltersSchema.parse({ service: "svc-one", limit: 1 }), actor);
      expect(describeVersionEntry(entry!.action, entry!.after)).toBe("1.0.0 revision 2 (same info.version, new content)");
    });

    it("makes a new info.version a new version, served from then on", async () => {
      await publishVersion(db.prisma, { actor, serviceSlug: "svc-one", text: openApi30("2.0.0", ["/v2"]) });
      const versions = await listVersions(db.prisma, "svc-one");
      expect(versions.map((version) => [version.version, version.revision, version.isCurrent])).toEqual([
        ["2.0.0", 1, true],
        ["1.0.0", 2, false],
        ["1.0.0", 1, false],
      ]);
    });

    it("returns the stored document per revision, in the author's key order", async () => {
      const latest = await getVersionDocument(db.prisma, { serviceSlug: "svc-one", version: "1.0.0" });
      const first = await getVersionDocument(db.prisma, { serviceSlug: "svc-one", version: "1.0.0", revision: 1 });
      expect(latest.revision).toBe(2);
      expect(Object.keys(JSON.parse(latest.json).paths)).toEqual(["/a", "/b", "/c"]);
      expect(Object.keys(JSON.parse(first.json))).toEqual(["openapi", "info", "paths"]);
      expect((await errorOf(getVersionDocument(db.prisma, { serviceSlug: "svc-one", version: "9.9.9" }))).code).toBe("NOT_FOUND");
    });

    it("refuses an invalid document, names what is wrong and stores nothing", async () => {
      const before = await db.prisma.apiVersion.count();
      const invalid = JSON.stringify({ openapi: "3.0.3", info: { version: "3.0.0" }, paths: {} });
      const error = await errorOf(publishVersion(db.prisma, { actor, serviceSlug: "svc-one", text: invalid }));
      expect(error.code).toBe("INVALID_DOCUMENT");
      expect(error.message).toContain('missing required property "title" at /info');
      expect(await db.prisma.apiVersion.count()).toBe(before);
    });

    it("refuses a document for an unknown service", async () => {
      expect((await errorOf(publishVersion(db.prisma, { actor, serviceSlug: "nope", text: openApi30("1.0.0") }))).code).toBe("NOT_FOUND");
    });

    it("stores exactly one version when the same content is published concurrently", async () => {
      const text = openApi30("5.0.0", ["/race"]);
      const results = await Promise.all(Array.from({ length: 4 }, () => publishVersion(db.prisma, { actor, serviceSlug: "svc-two", text })));
      expect(results.filter((result) => result.outcome === "created")).toHaveLength(1);
      expect(await db.prisma.apiVersion.count({ where: { service: { slug: "svc-two" }, version: "5.0.0" } })).toBe(1);
    });

    it("stores every one of four different documents published concurrently under one version, ten times over", async () => {
      for (let round = 1; round <= 10; round += 1) {
        const version = `6.${round}.0`;
        const texts = Array.from({ length: 4 }, (_, i) => openApi30(version, [`/race-${round}-${i}`]));
        const results = await Promise.allSettled(texts.map((text) => publishVersion(db.prisma, { actor, serviceSlug: "svc-two", text })));
        const failures = results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason));
        expect(failures, `round ${round}`).toEqual([]);
        const revisions = await db.prisma.apiVersion.findMany({
          where: { service: { slug: "svc-two" }, version },
          select: { revision: true },
          orderBy: { revision: "asc" },
        });
        expect(
          revisions.map((row) => row.revision),
          `round ${round}`,
        ).toEqual([1, 2, 3, 4]);
      }
    });
  });

  describe("ownership", () => {
    it("records one primary owner and any others", async () => {
      const service = await getService(db.prisma, "svc-one");
      expect(service.owners).toEqual([
        { slug: "alpha", name: "Alpha", isPrimary: true, chatChannel: null, email: null, onCallUrl: null, maintainers: [] },
        { slug: "beta", name: "Beta", isPrimary: false, chatChannel: null, email: null, onCallUrl: null, maintainers: [] },
      ]);
    });

    it("lets the database refuse a second primary owner", async () => {
      const service = await db.prisma.service.findUniqueOrThrow({ where: { slug: "svc-one" } });
      const beta = await db.prisma.team.findUniqueOrThrow({ where: { slug: "beta" } });
      await expect(
        db.prisma.serviceOwnership.update({ where: { serviceId_teamId: { serviceId: service.id, teamId: beta.id } }, data: { isPrimary: true } }),
      ).rejects.toThrow();
    });

    it("refuses an unknown owning team and creates nothing", async () => {
      const error = await errorOf(createService(db.prisma, { actor, input: { slug: "svc-orphan", name: "Orphan", primaryOwner: "ghosts" } }));
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: "Unknown team: ghosts." });
      expect(await db.prisma.service.findUnique({ where: { slug: "svc-orphan" } })).toBeNull();
    });

    it("refuses a taken slug with CONFLICT", async () => {
      expect((await errorOf(createService(db.prisma, { actor, input: { slug: "svc-one", name: "Again", primaryOwner: "alpha" } }))).code).toBe("CONFLICT");
      expect((await errorOf(createTeam(db.prisma, { actor, input: { slug: "alpha", name: "Again" } }))).code).toBe("CONFLICT");
    });

    it("shows a team's services, primary ownerships first", async () => {
      const team = await getTeam(db.prisma, "beta");
      expect(team.services.map((service) => [service.slug, service.isPrimaryOwner])).toEqual([
        ["svc-three", true],
        ["svc-two", true],
        ["svc-one", false],
      ]);
    });
  });

  describe("listing", () => {
    const slugs = async (input: Record<string, unknown>) => (await listServices(db.prisma, filters(input))).items.map((item) => item.slug);

    it("sorts by name and includes owner and latest version, never documents", async () => {
      const page = await listServices(db.prisma, filters());
      expect(page.items.map((item) => item.slug)).toEqual(["svc-one", "svc-three", "svc-two"]);
      const one = page.items[0]!;
      expect(one.primaryOwner).toEqual({ slug: "alpha", name: "Alpha" });
      expect(one.latestVersion).toMatchObject({ version: "2.0.0", operationCount: 1, format: "openapi-3.0" });
      expect(JSON.stringify(page)).not.toMatch(/"paths"|"openapi"/);
    });

    it("filters by team (any ownership), lifecycle, tag and text", async () => {
      expect(await slugs({ team: "alpha" })).toEqual(["svc-one"]);
      expect(await slugs({ team: "beta" })).toEqual(["svc-one", "svc-three", "svc-two"]);
      expect(await slugs({ lifecycle: ["deprecated", "experimental"] })).toEqual(["svc-three", "svc-two"]);
      expect(await slugs({ tag: "legacy" })).toEqual(["svc-two"]);
      expect(await slugs({ q: "INVOICES" })).toEqual(["svc-one"]);
      expect(await slugs({ q: "two", tag: "billing", team: "beta" })).toEqual(["svc-two"]);
      expect(await slugs({ q: "nothing-matches" })).toEqual([]);
    });

    it("paginates with a total", async () => {
      const page = await listServices(db.prisma, filters({ pageSize: 2, page: 2 }));
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items.map((item) => item.slug)).toEqual(["svc-two"]);
    });
  });
});
