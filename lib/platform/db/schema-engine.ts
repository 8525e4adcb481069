import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

// Found on disk rather than resolved through the bundler: Next.js bundles server code, and neither of
// its bundlers can load this package (an ES module importing a .wasm file); Node loads it as it is.
const ENGINE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules/@prisma/schema-engine-wasm");

type Bindings = typeof EngineBindings;
let bindings: Promise<Bindings> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its package entry imports the .wasm file as
 * an ES module, which Node only allows behind --experimental-wasm-modules, so we instantiate it by
 * hand with the same JS glue.
 */
async function loadBindings(): Promise<Bindings> {
  const glueUrl = pathToFileURL(path.join(ENGINE_DIR, "schema_engine_bg.js")).href;
  const glue = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ glueUrl)) as Bindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await readFile(path.join(ENGINE_DIR, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * Runs `work` with a schema engine that talks to the database through the given driver adapter (no
 * native binary), then frees the engine and closes the connections it opened. Freeing the engine
 * alone leaves them open, and with them the advisory lock Prisma's migrations take, which stalls the
 * next migration until the pool's idle timeout.
 */
export async function withSchemaEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  };
  const log = (message: string) => {
    if (process.env.WAYFINDER_DEBUG_SCHEMA_ENGINE) process.stderr.write(`${message}\n`);
  };
  const engine = await SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(tracking));
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
