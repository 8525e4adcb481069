/**
 * Example and default values are data, not schemas, yet the official-schema validator scans the whole
 * document for `$id`, `$anchor` and `$ref` keys and fails on data that merely contains them ("$id
 * defined more than once"). This returns the document with such keys inside data positions renamed
 * (`$id` → `x-data-$id`), so the validator sees the document's structure unchanged (data positions accept
 * anything); only the objects on the way to a renamed key are copied, and the stored document is untouched.
 */
const SCHEMA_KEYWORDS = new Set(["$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "$schema"]);

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

const keepKey = (key: string) => key;
const dataKey = (key: string) => (SCHEMA_KEYWORDS.has(key) ? `x-data-${key}` : key);

function renameKeywords(value: unknown): unknown {
  if (Array.isArray(value)) return mapItems(value, renameKeywords);
  if (!value || typeof value !== "object") return value;
  return mapEntries(value, dataKey, (_key, item) => renameKeywords(item));
}

/** A property named like a keyword (`$id`, `$ref`) in a map of property names, which the validator would take for the keyword. */
const isKeywordName = (parentKey: string | undefined, key: string) => parentKey !== undefined && PROPERTY_NAME_MAPS.has(parentKey) && SCHEMA_KEYWORDS.has(key);

/** The key of an entry of an object whose key is `parentKey` in its parent, masked. */
const maskKey = (parentKey: string | undefined) => (key: string) => (isKeywordName(parentKey, key) ? `x-name-${key}` : key);

/** The value of an entry of an object whose key is `parentKey` in its parent, masked. */
function maskValue(parentKey: string | undefined, key: string, item: unknown): unknown {
  if (isKeywordName(parentKey, key)) return mask(item, undefined);
  const inNameMap = parentKey !== undefined && NAME_MAPS.has(parentKey);
  if (!inNameMap && (DATA_KEYS.has(key) || key.startsWith("x-"))) return renameKeywords(item);
  // Schema `examples` (3.1) is an array of values; elsewhere it maps names to Example Objects whose
  // `value` is data (and whose `$ref`, if any, must still be checked).
  if (!inNameMap && key === "examples" && Array.isArray(item)) return renameKeywords(item);
  if (!inNameMap && key === "examples" && item && typeof item === "object") return mapEntries(item, keepKey, (_name, example) => maskExampleObject(example));
  return mask(item, key);
}

function mask(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return mapItems(value, (item) => mask(item, undefined));
  if (!value || typeof value !== "object") return value;
  return mapEntries(value, maskKey(parentKey), (key, item) => maskValue(parentKey, key, item));
}

function maskExampleObject(example: unknown): unknown {
  if (!example || typeof example !== "object" || Array.isArray(example)) return example;
  return mapEntries(example, keepKey, (key, item) => (key === "value" ? renameKeywords(item) : maskValue(undefined, key, item)));
}

/** The document with keys in data positions renamed; the document itself, not a copy, when there are none. Never changes its argument. */
export function maskExampleData<T>(document: T): T {
  return mask(document, undefined) as T;
}
