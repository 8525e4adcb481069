/** `npm run db:migrate`: applies prisma/migrations to the configured database (PGlite or PostgreSQL). */
import { databaseTargetFromEnv, describeTarget } from "@/lib/platform/db/database-target";
import { openDatabase } from "@/lib/platform/db/open-database";
import { env } from "@/lib/platform/env";
import { runScript } from "./run-script";

await runScript(async () => {
  const target = databaseTargetFromEnv(env());
  const db = await openDatabase(target);
  await db.close();
  const applied = db.appliedMigrations;
  console.log(applied.length ? `Applied to ${describeTarget(target)}: ${applied.join(", ")}` : `${describeTarget(target)} is up to date.`);
});
