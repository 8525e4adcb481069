import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bindings: Promise<Bindings> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its package entry imports the .wasm file as
 * an ES module, which Node only allows behind --experimental-wasm-modules, so we instantiate it by
 * hand with the same JS glue.
 */
async function loadBindings(): Promise<Bindings> {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
  const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** A schema engine that talks to the database through the given driver adapter (no native binary). */
export async function createSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  const log = (message: string) => {
    if (process.env.WAYFINDER_DEBUG_SCHEMA_ENGINE) process.stderr.write(`${message}\n`);
  };
  return SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
}
