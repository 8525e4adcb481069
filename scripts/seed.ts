/** `npm run seed`: replaces the catalogue with the demo company (on PGlite, stop the server first). */
import { databaseTargetFromEnv, describeTarget } from "@/lib/platform/db/database-target";
import { openDatabase } from "@/lib/platform/db/open-database";
import { inTransaction } from "@/lib/platform/db/types";
import { clearCatalogue, seedDemo } from "@/lib/demo/seed-demo";
import { env } from "@/lib/platform/env";
import { runScript } from "./run-script";

await runScript(async () => {
  const target = databaseTargetFromEnv(env());
  const db = await openDatabase(target);
  try {
    const counts = await inTransaction(db.prisma, async (tx) => {
      await clearCatalogue(tx);
      return seedDemo(tx);
    });
    console.log(`Seeded ${describeTarget(target)}: ${counts.teams} teams, ${counts.services} services, ${counts.versions} API versions.`);
  } finally {
    await db.close();
  }
});
