/**
 * The official-schema validator's own reference check (`checkRefs` in @seriousme/openapi-schema-validator's
 * resolve.js), without its cost. The library copies the whole document (structuredClone), deletes every
 * `$ref`, `$id`, `$anchor`… key from the copy while building a path string for every node, then resolves
 * the references in order, replacing each by its target: ~100 ms and the garbage of a second document
 * for each side of a Stripe diff, and for every publish. This walks the document once, copying nothing,
 * and resolves the references as the library does: in the same order (`$id`s, `$anchor`s,
 * `$dynamicAnchor`s, `$ref`s, `$dynamicRef`s), with the same messages; a pointer does not see the keys
 * the library deletes, and passes through a reference the library has already replaced by its target.
 * test/unit/check-local-refs.test.ts holds it to the library over every fixture and the edge cases.
 */

import type { DocumentShape } from "./inspect-document";
import { escapePointerKey, plainPointerKeys } from "./json-pointer";
import { entryPosition, itemPosition, maskedKey, ROOT_POSITION, SCHEMA_KEYWORDS, type MaskPosition } from "./mask-example-data";

type Word = "$ref" | "$id" | "$anchor" | "$dynamicRef" | "$dynamicAnchor";

interface Pointer {
  ref: unknown;
  /** The object holding the keyword. */
  holder: object;
  /** Where the holder is, as the library writes it (`#/paths/~1a/get`), for the messages that name it (not a `$ref`'s: most holders). */
  path: string;
  /** The nearest `$id` around the holder (its own included), or "". */
  id: string;
}

/**
 * Every keyword the library collects, in its order: depth first, each object's keys in order; read as
 * maskExampleData would have written the document (a keyword inside data, or a property named like one,
 * is renamed there, so it is no keyword here, and a path names it as renamed), without copying it.
 */
function collect(root: object): Record<Word, Pointer[]> {
  const found: Record<Word, Pointer[]> = { $ref: [], $id: [], $anchor: [], $dynamicRef: [], $dynamicAnchor: [] };
  const keys: string[] = [];
  const visit = (node: object, id: string, position: MaskPosition) => {
    const record = node as Record<string, unknown>;
    const nodeId = (maskedKey(position, "$id") === "$id" ? (record.$id as string) : undefined) || id;
    const items = Array.isArray(node) ? itemPosition(position) : undefined;
    for (const key in record) {
      const named = maskedKey(position, key);
      if (SCHEMA_KEYWORDS.has(named)) {
        // The library deletes the keyword and does not look inside its value.
        if (named !== "$schema")
          found[named as Word].push({
            ref: record[key],
            holder: node,
            path: named === "$ref" ? "" : ["#", ...keys.map(escapePointerKey)].join("/"),
            id: nodeId,
          });
        continue;
      }
      const value = record[key];
      if (typeof value !== "object" || value === null) continue;
      keys.push(named);
      visit(value, nodeId, items ?? entryPosition(position, key, value));
      keys.pop();
    }
  };
  visit(root, "", ROOT_POSITION);
  return found;
}

/**
 * The problem the library's check reports for this document with its data masked (maskExampleData),
 * its first, or null when every reference resolves. With what inspectDocument found in the document,
 * most documents are decided without walking them again (plainRefsResolve).
 */
export function checkLocalRefs(document: unknown, shape?: DocumentShape): string | null {
  if (typeof document !== "object" || document === null) return null;
  if (shape && plainRefsResolve(document, shape)) return null;
  try {
    resolveAll(document);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function resolveAll(root: object): void {
  const found = collect(root);
  // Plain objects, as the library's: what they inherit counts as found, as it does there.
  const anchors: Record<string, unknown> = { "": root };
  const dynamicAnchors: Record<string, unknown> = {};
  /** References already resolved, as the library replaces them in their parent: the holder → its target. */
  const replaced = new Map<unknown, unknown>();

  const step = (node: unknown, key: string): unknown => {
    // The library deleted these keys from every object it walked.
    if (SCHEMA_KEYWORDS.has(key) && typeof node === "object" && node !== null) return undefined;
    const next = (node as Record<string, unknown>)[key];
    return replaced.has(next) ? replaced.get(next) : next;
  };

  const resolveUri = (uri: string): unknown => {
    const [prefix, path] = uri.split("#", 2) as [string, string?];
    // Made only when thrown: an Error captures a stack, ~4 µs, which for every one of DigitalOcean's
    // 6,325 references was half of this check.
    const error = () => new Error(`Can't resolve ${uri}${prefix ? ", only internal refs are supported." : ""}`);
    if (path && path[0] !== "/") {
      if (anchors[uri]) return anchors[uri];
      throw error();
    }
    if (!anchors[prefix]) throw error();
    if (!path) return anchors[prefix];
    let node: unknown = anchors[prefix];
    try {
      for (const key of plainPointerKeys(path)) node = step(node, key);
    } catch {
      throw error();
    }
    if (node === undefined) throw error();
    return node;
  };

  for (const { ref, holder, path } of found.$id) {
    if (anchors[ref as string]) throw new Error(`$id : '${String(ref)}' defined more than once at ${path}`);
    anchors[ref as string] = holder;
  }
  for (const { ref, holder, path, id } of found.$anchor) {
    const fullRef = `${id}#${String(ref)}`;
    if (anchors[fullRef]) throw new Error(`$anchor : '${String(ref)}' defined more than once at '${path}'`);
    anchors[fullRef] = holder;
  }
  for (const { ref, holder, path } of found.$dynamicAnchor) {
    if (dynamicAnchors[`#${String(ref)}`]) throw new Error(`$dynamicAnchor : '${String(ref)}' defined more than once at '${path}'`);
    dynamicAnchors[`#${String(ref)}`] = holder;
  }
  for (const { ref, holder, id } of found.$ref) {
    const decoded = decodeURIComponent(ref as string);
    replaced.set(holder, resolveUri(decoded[0] !== "#" ? decoded : `${id}${decoded}`));
  }
  for (const { ref, holder } of found.$dynamicRef) {
    if (!dynamicAnchors[ref as string]) throw new Error(`Can't resolve $dynamicAnchor : '${String(ref)}'`);
    replaced.set(holder, dynamicAnchors[ref as string]);
  }
}

/**
 * Whether every reference surely resolves as the library resolves it, decided from inspectDocument's
 * list of `$ref`s instead of a walk of the whole document (on Stripe's, that walk was most of this
 * check): when nothing needs the full resolution (no `$id`, `$anchor` or dynamic keyword, every `$ref`
 * a string, none to another file), and each distinct local `$ref` leads, key by key, to something
 * through keys read as written (no keyword, which the library deletes and the mask renames) and
 * objects that are not references (which the library may have replaced by their targets). The list holds
 * `$ref`s in data too, which the library does not check: one of those that leads nowhere sends the
 * document to the full resolution, which decides. False means "resolve in full", not "broken".
 */
export function plainRefsResolve(document: object, { unusualRefs, externalRefs, localRefs }: DocumentShape): boolean {
  if (unusualRefs || externalRefs.length) return false;
  const checked = new Set<string>();
  for (const { ref } of localRefs) {
    if (checked.has(ref)) continue;
    checked.add(ref);
    if (!leadsSomewhere(document, ref)) return false;
  }
  return true;
}

function leadsSomewhere(root: object, ref: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    return false;
  }
  if (decoded === "#") return true;
  // The library splits at the first two "#"s: a pointer with another one is left to it.
  if (!decoded.startsWith("#/") || decoded.includes("#", 1)) return false;
  let node: unknown = root;
  for (const key of plainPointerKeys(decoded.slice(1))) {
    // A keyword is the only key the mask renames, so the others are read as the full resolution reads them.
    if (typeof node !== "object" || node === null || Object.hasOwn(node, "$ref") || SCHEMA_KEYWORDS.has(key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}
