/**
 * Example and default values are data, not schemas, yet the official-schema validator scans the whole
 * document for `$id`, `$anchor` and `$ref` keys and fails on data that merely contains them ("$id
 * defined more than once"). This returns a copy in which such keys inside data positions are renamed
 * (`$id` → `x-data-$id`), so the validator sees the document's structure unchanged (data positions accept
 * anything) and the stored document is untouched.
 */
const SCHEMA_KEYWORDS = new Set(["$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "$schema"]);

/** Keys whose value is free-form data wherever they appear as a keyword (not as a property name). */
const DATA_KEYS = new Set(["example", "default", "const", "enum"]);

/**
 * Maps whose keys are names chosen by the author, so `example` there names a property, not data; and
 * Responses Objects, whose `default` is the fallback response (often a `$ref`), not a value.
 */
const NAME_MAPS = new Set([
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

function renameKeywords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeywords);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [SCHEMA_KEYWORDS.has(key) ? `x-data-${key}` : key, renameKeywords(item)]));
}

function mask(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, undefined));
  if (!value || typeof value !== "object") return value;
  const inNameMap = parentKey !== undefined && NAME_MAPS.has(parentKey);
  const out: Record<string, unknown> = {};
  const namesProperties = parentKey !== undefined && PROPERTY_NAME_MAPS.has(parentKey);
  for (const [key, item] of Object.entries(value)) {
    if (namesProperties && SCHEMA_KEYWORDS.has(key)) out[`x-name-${key}`] = mask(item, undefined);
    else if (!inNameMap && (DATA_KEYS.has(key) || key.startsWith("x-"))) out[key] = renameKeywords(item);
    // Schema `examples` (3.1) is an array of values; elsewhere it maps names to Example Objects whose
    // `value` is data (and whose `$ref`, if any, must still be checked).
    else if (!inNameMap && key === "examples" && Array.isArray(item)) out[key] = renameKeywords(item);
    else if (!inNameMap && key === "examples" && item && typeof item === "object") {
      out[key] = Object.fromEntries(Object.entries(item).map(([name, example]) => [name, maskExampleObject(example)]));
    } else out[key] = mask(item, key);
  }
  return out;
}

function maskExampleObject(example: unknown): unknown {
  if (!example || typeof example !== "object" || Array.isArray(example)) return example;
  const { value, ...rest } = example as Record<string, unknown>;
  return { ...(mask(rest, undefined) as object), ...("value" in example ? { value: renameKeywords(value) } : {}) };
}

export function maskExampleData<T>(document: T): T {
  return mask(document, undefined) as T;
}
