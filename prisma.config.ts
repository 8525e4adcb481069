import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the CLI here (see scripts/prisma-generate.mjs); migrations run
// through the wasm schema engine in lib/db/migrate.ts. The URL matters only to `prisma migrate deploy`
// on a machine that has Prisma's native schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/wayfinder" },
});
