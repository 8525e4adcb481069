import type { PrismaClient } from "@/generated/prisma/client";
import { migrationsDir, readMigrationList } from "./migrations";

/**
 * The migrations in prisma/migrations that the database has not applied (by Prisma's own record,
 * `_prisma_migrations`): what a server started with WAYFINDER_MIGRATE_ON_START=false must not run
 * without.
 */
export async function pendingMigrations(prisma: PrismaClient, dir = migrationsDir): Promise<string[]> {
  // The same list the schema engine is handed when it migrates.
  const folder = (await readMigrationList(dir)).migrationDirectories.map((migration) => migration.path);
  let applied: string[] = [];
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = rows.map((row) => row.migration_name);
  } catch (error) {
    // No record at all: a database nothing was ever applied to.
    if (!/_prisma_migrations|does not exist|42P01/.test(String((error as Error).message) + String((error as { code?: string }).code))) throw error;
  }
  return folder.filter((name) => !applied.includes(name)).sort();
}
