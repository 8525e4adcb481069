import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/platform/db/open-database";
import { applyMigrations, migrationsUpToDate, readMigrationList } from "@/lib/platform/db/migrations";
import { clearCatalogue, seedDemo } from "@/lib/demo/seed-demo";
import { syncOwnDocument } from "@/lib/demo/sync-own-document";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { demoServices, demoTeams } from "@/prisma/seed/demo-company";
import { readdirSync } from "node:fs";
import { testDatabases } from "../support/test-databases";

describe.each(testDatabases)("migrations and demo on $name", ({ open, fresh }) => {
  let db: Database;
  beforeAll(async () => {
    // An empty database, migrated from nothing: every other test database is a copy of one migrated so.
    db = await fresh();
  });
  afterAll(async () => db?.close());

  it("applied every migration in prisma/migrations and recorded it as Prisma does", async () => {
    const folders = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(db.appliedMigrations).toEqual(folders);
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; finished_at: Date | null }[]
    >`SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time, knowing so from the checksums without the schema engine", async () => {
    const list = await readMigrationList();
    expect(await migrationsUpToDate(db.factory, list)).toBe(true);
    // The same call a server restart makes.
    expect(await applyMigrations(db.factory)).toEqual([]);
    // A migration edited after it was applied, or a new one: the engine's to apply or refuse.
    const [first, ...rest] = list.migrationDirectories;
    const edited = { ...first!, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: "-- edited\n" } } };
    expect(await migrationsUpToDate(db.factory, { ...list, migrationDirectories: [edited, ...rest] })).toBe(false);
    const added = { path: "29991231000000_next", migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: "SELECT 1;" } } };
    expect(await migrationsUpToDate(db.factory, { ...list, migrationDirectories: [...list.migrationDirectories, added] })).toBe(false);
    expect(await migrationsUpToDate(db.factory, { ...list, migrationDirectories: rest })).toBe(false);
  });

  it("gives the other tests copies of a database migrated once, which open with nothing to apply", async () => {
    const copy = await open();
    try {
      expect(copy.appliedMigrations).toEqual([]);
      const rows = await copy.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((row) => row.migration_name)).toEqual(db.appliedMigrations);
    } finally {
      await copy.close();
    }
  });

  it("seeds the demo company through the publishing pipeline", async () => {
    const counts = await db.prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
    const specCount = demoServices.reduce((sum, service) => sum + service.specs.length, 0);
    expect(counts).toEqual({ teams: demoTeams.length, services: demoServices.length, versions: specCount });
    expect(demoTeams.length).toBeGreaterThanOrEqual(6);
    expect(demoServices.length).toBeGreaterThanOrEqual(12);

    const services = await db.prisma.service.findMany({
      select: { lifecycle: true, currentVersion: { select: { format: true, operationCount: true } }, _count: { select: { versions: true } } },
    });
    expect(new Set(services.map((service) => service.lifecycle))).toEqual(new Set(["experimental", "production", "deprecated", "retired"]));
    // Every service but the storefront (a web front end, no API of its own) serves a version.
    expect(services.filter((service) => !service.currentVersion)).toHaveLength(1);
    expect(new Set(services.flatMap((service) => service.currentVersion?.format ?? []))).toEqual(new Set(["swagger_2_0", "openapi_3_0", "openapi_3_1"]));
    expect(services.some((service) => service._count.versions >= 2)).toBe(true);
    // Two services have an event API too: Orders sends order.placed (AsyncAPI 3.0), Inventory receives it (2.6).
    const events = await db.prisma.eventVersion.findMany({ select: { format: true, operationCount: true, service: { select: { slug: true } } } });
    expect(events.map((event) => [event.service.slug, event.format]).sort()).toEqual([
      ["inventory-service", "asyncapi-2"],
      ["orders-api", "asyncapi-3.0"],
    ]);
    // The consumption the services declare was in place before the later versions came: Payments
    // 1.1.0's breaking change names the two consumers it breaks, not the storefront (other
    // operations) nor Legacy Accounts (pinned below 1.0.0).
    expect(await db.prisma.consumption.count()).toBe(demoServices.reduce((sum, service) => sum + (service.consumes?.length ?? 0), 0));
    const payments = await db.prisma.apiVersion.findFirstOrThrow({ where: { service: { slug: "payments-api" }, version: "1.1.0" }, select: { changes: true } });
    const breaking = (payments.changes as { level: string; consumers?: { service: { slug: string } }[] }[]).filter((change) => change.level === "breaking");
    expect(breaking.map((change) => change.consumers!.map((consumer) => consumer.service.slug))).toEqual([["chargeback-desk", "orders-api"]]);
    const indexed = await db.prisma.operation.count();
    const declared = await db.prisma.apiVersion.aggregate({ _sum: { operationCount: true } });
    expect(indexed).toBe(declared._sum.operationCount);
  });

  it("lists Wayfinder in its own catalogue with its own contract, kept in step", async () => {
    const version = await db.prisma.apiVersion.findFirstOrThrow({ where: { service: { slug: "wayfinder" } }, include: { document: true } });
    expect(JSON.parse(version.document!.json)).toEqual(wayfinderOpenApiDocument);
    // A restart finds it current by its hash, without running the publishing pipeline.
    expect(await syncOwnDocument(db.prisma)).toBe("current");
    expect(await db.prisma.apiVersion.count({ where: { service: { slug: "wayfinder" } } })).toBe(1);
  });

  it("reloads: clearing and seeding again gives the same catalogue", async () => {
    await db.prisma.$transaction(
      async (tx) => {
        await clearCatalogue(tx);
        await seedDemo(tx);
      },
      { timeout: 120_000 },
    );
    expect(await db.prisma.service.count()).toBe(demoServices.length);
    expect(await db.prisma.team.count()).toBe(demoTeams.length);
  });
});
