/**
 * The server ends an idle pooled connection (a restart, a failover, `pg_terminate_backend`): the
 * portal's pool drops it, logs it, and the next query gets a fresh connection. Unheard, that `error`
 * event ended the process (it surfaced once in the suite as an unhandled error when a test database
 * was dropped under a pool). PostgreSQL only: PGlite has no connections to lose.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/platform/db/open-database";
import { createPostgresDatabase, testDatabaseUrl } from "../support/test-databases";

describe.runIf(testDatabaseUrl)("an idle database connection closed by the server", () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Database;

  beforeAll(async () => {
    database = await createPostgresDatabase(testDatabaseUrl!);
    db = await openDatabase({ kind: "postgres", url: database.url });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const terminateAll = async () => {
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Let the pool hear of it.
    await new Promise((resolve) => setTimeout(resolve, 200));
  };
  const warm = () => Promise.all(Array.from({ length: 4 }, () => db.prisma.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));

  it("is dropped from the pool, and the next query runs on a new one", async () => {
    await warm();
    await terminateAll();
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("is heard even while the database is being closed (Prisma has let go of the pool, the pool not yet ended)", async () => {
    await warm();
    // Prisma's adapter removes its own listener from the pool when Prisma disconnects: the pool's
    // idle connections are then the portal's alone to hear of, until the pool is ended.
    await db.prisma.$disconnect();
    await terminateAll();
  });
});
