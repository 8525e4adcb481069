/** Python's reserved words; a generated name that is one gets a trailing underscore. */
const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);
/** Names the generated annotations use, which a field or parameter of the same name would shadow. */
const SHADOWING = new Set(["str", "int", "float", "bool", "list", "dict", "self", "cls", "dataclasses", "typing"]);

/** Any text as a Python identifier: letters, digits and underscores, not starting with a digit or underscore. */
function identifier(text: string, fallback: string): string {
  const cleaned = text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!cleaned) return fallback;
  return /^\d/.test(cleaned) ? `${fallback}_${cleaned}` : cleaned;
}

/** `order-item`, `OrderItem`, `order item` → `OrderItem`. */
export function className(text: string): string {
  const words = identifier(text, "Model").split("_").filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return KEYWORDS.has(name) ? `${name}_` : name;
}

/** `getPetById`, `get-pet-by-id` → `get_pet_by_id`. */
export function snakeName(text: string, fallback: string): string {
  const name = identifier(text.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2"), fallback).toLowerCase();
  return KEYWORDS.has(name) || SHADOWING.has(name) ? `${name}_` : name;
}

/** A property name as a field name: kept when it already is one, else made one (the JSON name goes in the field's metadata). */
export function fieldName(text: string, taken: ReadonlySet<string>): string {
  let name = identifier(text, "field");
  if (KEYWORDS.has(name) || SHADOWING.has(name) || taken.has(name)) name = `${name}_`;
  return name;
}

/** The first of `base`, `base2`, `base3`… not in `used`, which it joins. */
export function unique(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base}${n}`;
  used.add(name);
  return name;
}
