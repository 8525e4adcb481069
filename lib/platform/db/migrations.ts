import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./schema-engine";

export const migrationsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/migrations");
export const schemaPath = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/schema.prisma");

const noFilter = { externalTables: [], externalEnums: [] };

/** Reads prisma/migrations in the shape Prisma's own CLI hands to the schema engine. */
export async function readMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/**
 * Whether the database has applied every migration of the folder exactly as it is now: each one
 * finished, not rolled back, with the checksum Prisma records (SHA-256 of migration.sql), and none
 * failed or unknown to the folder. One query, so a start with nothing to migrate need not load the
 * schema engine (seconds of WebAssembly); anything else is for the engine to apply or to refuse.
 */
export async function migrationsUpToDate(factory: SqlMigrationAwareDriverAdapterFactory, migrationsList: MigrationList): Promise<boolean> {
  const adapter = await factory.connect();
  let rows: unknown[][];
  try {
    rows = (
      await adapter.queryRaw({
        sql: `SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM "_prisma_migrations"`,
        args: [],
        argTypes: [],
      })
    ).rows;
  } catch {
    // No record yet: a new database.
    return false;
  } finally {
    await adapter.dispose();
  }
  const applied = new Map<string, string>();
  for (const [name, checksum, finished, rolledBack] of rows) {
    if (rolledBack) continue;
    if (!finished) return false;
    applied.set(String(name), String(checksum));
  }
  const folder = migrationsList.migrationDirectories;
  if (applied.size !== folder.length) return false;
  return folder.every(({ path: name, migrationFile: { content } }) => {
    if (content.tag !== "ok") return false;
    return applied.get(name) === createHash("sha256").update(content.value).digest("hex");
  });
}

/** Applies every migration in prisma/migrations that the database lacks; returns the names applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  if (await migrationsUpToDate(factory, migrationsList)) return [];
  return withSchemaEngine(factory, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database from the state the migrations folder builds to the state the schema
 * describes. The engine replays the migrations on the factory's shadow database to know the former.
 */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  const migrationsList = await readMigrationList(dir);
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  });
}
