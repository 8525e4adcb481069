import { isPlainObject } from "./detect-format";

type Json = Record<string, unknown>;

/** One key of a JSON pointer: `~` → `~0`, `/` → `~1` (RFC 6901). */
export const escapePointerKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** A character a URI fragment may not hold. */
const NOT_IN_FRAGMENT = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/;
const NOT_IN_FRAGMENTS = new RegExp(NOT_IN_FRAGMENT.source, "g");

/**
 * A local reference (`#/…`) with whatever a URI fragment may not hold percent-encoded (`{` and `}` of
 * `#/paths/~1keys~1{id}/get`, as the bundling library writes it); most need nothing, and come back as they are.
 */
export function encodeLocalRef(ref: string): string {
  if (!ref.startsWith("#") || !NOT_IN_FRAGMENT.test(ref.slice(1))) return ref;
  return `#${ref.slice(1).replace(NOT_IN_FRAGMENTS, (char) => encodeURIComponent(char))}`;
}

/** The keys of a plain JSON pointer (`/items/0/id`, as Ajv's `instancePath`), unescaped; none for "". */
export function plainPointerKeys(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((key) => (key.includes("~") ? key.replace(/~1/g, "/").replace(/~0/g, "~") : key));
}

/** What a plain JSON pointer points to in any value (an array or a scalar at the root too); undefined when nothing. */
export function valueAtPlainPointer(root: unknown, pointer: string): unknown {
  let value = root;
  for (const key of plainPointerKeys(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Json)[key];
  }
  return value;
}

/**
 * The keys of a local `#/…` reference, in order. The fragment is URI-encoded (`%7B` for `{`), then
 * JSON-pointer-escaped (`~1` for `/`, `~0` for `~`). Malformed percent-encoding (`%ZZ`) is kept as
 * written rather than thrown: such a reference simply points nowhere.
 */
export function pointerKeys(ref: string): string[] {
  return ref
    .slice(2)
    .split("/")
    .map((raw) => {
      let key = raw;
      try {
        key = decodeURIComponent(raw);
      } catch {
        // Not valid percent-encoding: the literal text is the key.
      }
      return key.replace(/~1/g, "/").replace(/~0/g, "~");
    });
}

/** What a local `#/…` reference points to in `root`; anything else (external, broken) gives undefined. */
export function resolvePointer(root: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const key of pointerKeys(ref)) node = (isPlainObject(node) || Array.isArray(node)) && Object.hasOwn(node, key) ? (node as Json)[key] : undefined;
  return node;
}

/** Follows a chain of local `$ref`s; unresolvable ones give undefined. */
export function deref(root: Json, value: unknown, seen = new Set<string>()): unknown {
  let current = value;
  while (isPlainObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) return undefined;
    seen.add(ref);
    current = resolvePointer(root, ref);
  }
  return current;
}
