/**
 * Example and default values are data, not schemas, yet the official-schema validator's reference check
 * scans the whole document for `$id`, `$anchor` and `$ref` keys and fails on data that merely contains
 * them ("$id defined more than once"). The mask says which keys are such data: inside data positions
 * (`$id` → `x-data-$id`) and properties named like keywords (`x-name-$id`). check-local-refs.ts reads a
 * document through these positions without copying it; maskExampleData writes the masked copy, which is
 * what the library's own check is given in the tests that hold the two to each other.
 */
/** The keywords the validator library's reference check collects (and deletes) wherever they appear. */
export const SCHEMA_KEYWORDS = new Set(["$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "$schema"]);

/** Keys whose value is free-form data wherever they appear as a keyword (not as a property name). */
export const DATA_KEYS = new Set(["example", "default", "const", "enum"]);

/**
 * Maps whose keys are names chosen by the author, so `example` there names a property, not data; and
 * Responses Objects, whose `default` is the fallback response (often a `$ref`), not a value.
 */
export const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "definitions",
  "$defs",
  "schemas",
  "dependentSchemas",
  "dependentRequired",
  "mapping",
  "responses",
]);

/**
 * Maps whose keys are property names: data, like examples. A property may be *named* `$id` or `$ref`
 * (a real public API has `$id`, `$type`, `$parent` siblings); the validator would take the name for the
 * keyword ("$id defined more than once"), so such names are renamed here too.
 */
const PROPERTY_NAME_MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "dependentRequired", "mapping"]);

/**
 * Where a value sits, as the mask reads the document: `schema` (structure; `parentKey` is the key it is
 * under), `data` (every keyword-named key renamed, all the way down), `examples` (a map of names to
 * Example Objects), `example` (an Example Object, whose `value` is data) or `as-is` (an example that is
 * not an object: left as written). The mask and the reference check (check-local-refs.ts, which reads the
 * document as the mask would have written it, without the copy) both walk by these.
 */
export type MaskPosition =
  { kind: "schema"; parentKey: string | undefined } | { kind: "data" } | { kind: "examples" } | { kind: "example" } | { kind: "as-is" };

const DATA: MaskPosition = { kind: "data" };
const EXAMPLES: MaskPosition = { kind: "examples" };
const EXAMPLE: MaskPosition = { kind: "example" };
const AS_IS: MaskPosition = { kind: "as-is" };
// One position object per parent key, not one per entry: the walks ask for a position at every key.
const schemaPositions = new Map<string | undefined, MaskPosition>();
function schemaPosition(parentKey: string | undefined): MaskPosition {
  let position = schemaPositions.get(parentKey);
  if (!position) {
    position = { kind: "schema", parentKey };
    // Parent keys are the document's own: past a few hundred distinct ones, positions are simply not kept.
    if (schemaPositions.size < 1000) schemaPositions.set(parentKey, position);
  }
  return position;
}

/** The document's root. */
export const ROOT_POSITION = schemaPosition(undefined);

/** A key of an object at `position` as the mask writes it: a keyword in data, or a property named like one, renamed. */
export function maskedKey(position: MaskPosition, key: string): string {
  if (position.kind === "data") return SCHEMA_KEYWORDS.has(key) ? `x-data-${key}` : key;
  if (position.kind === "schema" && position.parentKey !== undefined && PROPERTY_NAME_MAPS.has(position.parentKey) && SCHEMA_KEYWORDS.has(key))
    return `x-name-${key}`;
  return key;
}

/** The position of `item`, found under `key` in an object at `position`. */
export function entryPosition(position: MaskPosition, key: string, item: unknown): MaskPosition {
  switch (position.kind) {
    case "data":
    case "as-is":
      return position;
    case "examples":
      return item && typeof item === "object" && !Array.isArray(item) ? EXAMPLE : AS_IS;
    case "example":
      return key === "value" ? DATA : entryPosition(ROOT_POSITION, key, item);
    case "schema": {
      if (maskedKey(position, key) !== key) return ROOT_POSITION;
      const inNameMap = position.parentKey !== undefined && NAME_MAPS.has(position.parentKey);
      if (!inNameMap && (DATA_KEYS.has(key) || key.startsWith("x-"))) return DATA;
      // Schema `examples` (3.1) is an array of values; elsewhere it maps names to Example Objects whose
      // `value` is data (and whose `$ref`, if any, must still be checked).
      if (!inNameMap && key === "examples" && Array.isArray(item)) return DATA;
      if (!inNameMap && key === "examples" && item && typeof item === "object") return EXAMPLES;
      return schemaPosition(key);
    }
  }
}

/** The position of an array's items, the array being at `position`. */
export function itemPosition(position: MaskPosition): MaskPosition {
  return position.kind === "data" || position.kind === "as-is" ? position : ROOT_POSITION;
}

/**
 * The object with each key renamed by `rename` and each value mapped by `map`, or the object itself when
 * no entry changes: most documents have nothing to rename, and copying a 4 MB document cost ~70 ms and
 * its garbage on every validation. Key and value are asked for apart, so an unchanged entry allocates
 * nothing (a pair per key was most of this walk's time on Stripe's document).
 */
function mapEntries(value: object, rename: (key: string) => string, map: (key: string, item: unknown) => unknown): object {
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    const renamed = rename(key);
    const mapped = map(key, record[key]);
    if (renamed === key && mapped === record[key]) continue;
    // The first change: copy what came before as it is, and map the rest.
    const entries: [string, unknown][] = keys.slice(0, index).map((before) => [before, record[before]]);
    entries.push([renamed, mapped], ...keys.slice(index + 1).map((after): [string, unknown] => [rename(after), map(after, record[after])]));
    return Object.fromEntries(entries);
  }
  return value;
}

/** The array with `map` applied to each item, or the array itself when no item changes. */
function mapItems(value: unknown[], map: (item: unknown) => unknown): unknown[] {
  let out: unknown[] | undefined;
  value.forEach((item, index) => {
    const mapped = map(item);
    if (mapped !== item) (out ??= value.slice())[index] = mapped;
  });
  return out ?? value;
}

function mask(value: unknown, position: MaskPosition): unknown {
  if (position.kind === "as-is" || !value || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = itemPosition(position);
    return mapItems(value, (item) => mask(item, items));
  }
  return mapEntries(
    value,
    (key) => maskedKey(position, key),
    (key, item) => mask(item, entryPosition(position, key, item)),
  );
}

/** The document with keys in data positions renamed; the document itself, not a copy, when there are none. Never changes its argument. */
export function maskExampleData<T>(document: T): T {
  return mask(document, ROOT_POSITION) as T;
}
