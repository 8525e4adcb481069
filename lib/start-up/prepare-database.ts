import { syncOwnDocument } from "@/lib/demo/sync-own-document";
import { setDatabaseStartUp } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";

/**
 * The server's start-up work on its database, once open and migrated: loads the demo company into an
 * empty embedded database (or wherever WAYFINDER_DEMO=true), and keeps Wayfinder's own catalogue entry
 * in step with the API this build serves. Called by instrumentation.ts before the database is opened.
 */
export function prepareDatabaseOnOpen(): void {
  setDatabaseStartUp(async (db) => {
    const seedDemoData = env().WAYFINDER_DEMO ?? db.target.kind === "pglite";
    if (seedDemoData && (await db.prisma.service.count()) === 0) {
      // Loaded only for an empty database: the demo publishes through the whole pipeline, which a start with data never needs.
      const { seedDemo } = await import("@/lib/demo/seed-demo");
      const counts = await db.prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
      logger.info({ event: "db.seeded", ...counts }, "loaded the demo company");
    }
    await syncOwnDocument(db.prisma);
  });
}
