// Generates Prisma Client into generated/prisma. Prisma's CLI insists on locating a native schema
// engine even for `generate`, which never runs it; where none can be downloaded we point it at an
// existing file (see README, "Why the wasm schema engine").
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
