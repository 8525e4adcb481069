import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** The methods under each path item of parsed data: the plain count tests check the pipeline against. */
export function countOperationsInDocument(document: { paths?: Record<string, Record<string, unknown>> }): number {
  return Object.values(document.paths ?? {}).reduce((sum, item) => sum + Object.keys(item).filter((key) => METHODS.has(key)).length, 0);
}

/**
 * Counts a multi-file document's operations the plain way, to check the pipeline against: the
 * methods under each path of the root file, following a path item's own `$ref` to its file.
 */
export async function countOperationsInFolder(folder: string, rootFile: string): Promise<number> {
  const root = parse(await readFile(path.join(folder, rootFile), "utf8"), { maxAliasCount: -1 }) as { paths?: Record<string, Record<string, unknown>> };
  let count = 0;
  for (const item of Object.values(root.paths ?? {})) {
    let resolved = item;
    if (typeof item.$ref === "string") resolved = parse(await readFile(path.join(folder, item.$ref.split("#")[0]!), "utf8")) as Record<string, unknown>;
    count += Object.keys(resolved).filter((key) => METHODS.has(key)).length;
  }
  return count;
}
