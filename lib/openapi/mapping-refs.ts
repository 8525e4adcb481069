import { isPlainObject as isRecord } from "./detect-format";
import { encodeLocalRef, escapePointerKey, resolvePointer } from "./json-pointer";
import { DATA_KEYS, NAME_MAPS } from "./mask-example-data";

/**
 * A discriminator's `mapping` (and OpenAPI 3.2's `defaultMapping`) names its schemas by reference,
 * relative to the file it is written in, as a `$ref` does; but it is a plain string, so the bundling
 * library never sees it. DigitalOcean's `models/domain_record_types.yml#/domain_record_a` survived
 * bundling pointing at a file the bundled document does not have, and every lint of it reported
 * 116 unresolved references. `markMappingRefs` turns each such string into a `{ $ref }` for the library
 * to bundle like any other reference; `restoreMappingRefs` writes the local reference it left back as
 * the string.
 */
export interface MappingRef {
  /** The `mapping` object, or the Discriminator Object for `defaultMapping`. */
  owner: Record<string, unknown>;
  key: string;
  /** As the author wrote it. */
  written: string;
}

/** A URL with a scheme (`https:`, `file:`), not a path relative to the file. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/** Redocly's test for a mapping value that is a reference rather than a schema name (`isMappingRef`). */
export function isMappingReference(value: string): boolean {
  return (
    value.startsWith("#") ||
    value.startsWith("./") ||
    value.startsWith("../") ||
    value.includes("/") ||
    ABSOLUTE_URL.test(value) ||
    /\.(ya?ml|json)$/i.test(value)
  );
}

/** Only a text that says "mapping" (or "defaultMapping") can hold one: the walk is skipped for the rest. */
export const mayHoldMappings = (text: string) => text.includes("apping");

/** Data positions, as the example mask knows them, and `examples` (Example Objects hold data too). */
const NOT_SCHEMAS = new Set([...DATA_KEYS, "examples"]);

/**
 * The mapping references of one parsed file, as written. A file other than the root resolves its
 * references against itself; its `#/…` values count only when they point into it, since an author who
 * writes `#/components/schemas/Cat` in a schema file means the root's. The root's own `#/…` values are
 * already local and are not listed.
 */
export function findMappingRefs(data: unknown, isRoot: boolean): MappingRef[] {
  const found: MappingRef[] = [];
  const consider = (owner: Record<string, unknown>, key: string) => {
    const written = owner[key];
    if (typeof written !== "string" || !isMappingReference(written)) return;
    // An absolute URL stays as written, as before: a bundle's references may reach only its own files.
    if (ABSOLUTE_URL.test(written)) return;
    if (written.startsWith("#") && (isRoot || !isRecord(data) || resolvePointer(data, written) === undefined)) return;
    found.push({ owner, key, written });
  };
  const stack: { node: unknown; parentKey: string }[] = [{ node: data, parentKey: "" }];
  while (stack.length) {
    const { node, parentKey } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push({ node: item, parentKey });
      continue;
    }
    const record = node as Record<string, unknown>;
    const discriminator = record.discriminator;
    if (!NAME_MAPS.has(parentKey) && isRecord(discriminator)) {
      if (isRecord(discriminator.mapping)) for (const key of Object.keys(discriminator.mapping)) consider(discriminator.mapping, key);
      consider(discriminator, "defaultMapping");
    }
    for (const key of Object.keys(record)) {
      if (NOT_SCHEMAS.has(key) && !NAME_MAPS.has(parentKey)) continue;
      stack.push({ node: record[key], parentKey: key });
    }
  }
  return found;
}

/** Turns each mapping reference found into a `{ $ref }`, in place, for the library to bundle; returns them. */
export function markMappingRefs(found: MappingRef[]): MappingRef[] {
  for (const { owner, key, written } of found) owner[key] = { $ref: written };
  return found;
}

/** A `{ $ref }` with nothing beside it. */
const plainRef = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.$ref === "string" && Object.keys(value).length === 1 ? value.$ref : undefined;

/** A component name from a reference: the fragment's last key, else the file's name without its extension. */
function componentName(written: string, taken: Record<string, unknown>): string {
  const [file = "", fragment = ""] = written.split("#");
  const last =
    fragment.split("/").pop() ||
    file
      .split("/")
      .pop()
      ?.replace(/\.(ya?ml|json)$/i, "") ||
    "Schema";
  const base = last.replace(/[^A-Za-z0-9._-]/g, "_") || "Schema";
  let name = base;
  for (let n = 2; Object.hasOwn(taken, name); n += 1) name = `${base}_${n}`;
  return name;
}

/**
 * After bundling, each marked value back to a string: the local reference the library wrote, encoded as
 * a `$ref` is. Where the library chose the mapping itself as the place to hold the schema (a schema only
 * the mapping names, as in the allOf inheritance pattern), the schema first moves to
 * `components/schemas`, and the references into it follow.
 */
export function restoreMappingRefs(document: unknown, marked: MappingRef[]): void {
  const held = marked.filter((entry) => plainRef(entry.owner[entry.key]) === undefined);
  if (held.length && isRecord(document)) moveHeldSchemas(document, held);
  for (const entry of marked) {
    const ref = plainRef(entry.owner[entry.key]);
    if (ref !== undefined) entry.owner[entry.key] = encodeLocalRef(ref);
  }
}

function moveHeldSchemas(document: Record<string, unknown>, held: MappingRef[]): void {
  // Where each holding owner is, found by walking the bundled document once.
  const owners = new Set<unknown>(held.map((entry) => entry.owner));
  const where = new Map<unknown, string>();
  const stack: { node: unknown; pointer: string }[] = [{ node: document, pointer: "" }];
  while (stack.length && where.size < owners.size) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (owners.has(node) && !where.has(node)) where.set(node, pointer);
    for (const key of Object.keys(node)) stack.push({ node: (node as Record<string, unknown>)[key], pointer: `${pointer}/${escapePointerKey(key)}` });
  }

  const components = (isRecord(document.components) ? document.components : (document.components = {})) as Record<string, unknown>;
  const schemas = (isRecord(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;
  const moved: [from: string, to: string][] = [];
  for (const entry of held) {
    const name = componentName(entry.written, schemas);
    schemas[name] = entry.owner[entry.key];
    const to = `#/components/schemas/${escapePointerKey(name)}`;
    entry.owner[entry.key] = { $ref: to };
    const ownerAt = where.get(entry.owner);
    if (ownerAt !== undefined) moved.push([`#${ownerAt}/${escapePointerKey(entry.key)}`, to]);
  }
  if (!moved.length) return;
  // The library's references are raw pointers here (encoded later), as `moved` is.
  const refs: unknown[] = [document];
  while (refs.length) {
    const node = refs.pop();
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") {
      const ref = record.$ref;
      const hit = moved.find(([from]) => ref === from || ref.startsWith(`${from}/`));
      if (hit) record.$ref = hit[1] + ref.slice(hit[0].length);
    }
    for (const key of Object.keys(record)) refs.push(record[key]);
  }
}
