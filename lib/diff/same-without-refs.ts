type Verdicts = WeakMap<object, object>;

/**
 * A test, for one diff, of whether two schemas are the same JSON with no `$ref` anywhere inside: then
 * nothing in them can differ for a client, and comparing them keyword by keyword would find nothing.
 * Most of a large document's schemas are unchanged between two versions (Stripe's pair: 5,002 of its
 * 14,974 comparisons, with their subtrees). A `$ref` is never taken as the same: what it points to may
 * differ, and comparing it records which operations reach the shared schema (shared-schemas.ts).
 *
 * The walk stops at the first difference. Where it stops, it remembers the way down as changed and the
 * parts it passed on the way as unchanged: the comparison then descends along that way, asking again at
 * each level, and gets each answer at once instead of walking the same nodes again (which would cost
 * the document's size times its depth).
 */
export function sameWithoutRefs(): (a: unknown, b: unknown) => boolean {
  const unchanged: Verdicts = new WeakMap();
  const changed: Verdicts = new WeakMap();
  const walk = (a: unknown, b: unknown): boolean => {
    if (typeof a !== "object" || a === null) return a === b;
    if (typeof b !== "object" || b === null) return false;
    if (unchanged.get(a) === b) return true;
    if (changed.get(a) === b) return false;
    const same = Array.isArray(a)
      ? Array.isArray(b) && walkItems(a, b)
      : !Array.isArray(b) && walkProperties(a as Record<string, unknown>, b as Record<string, unknown>);
    if (!same) changed.set(a, b);
    return same;
  };
  // The children before the first that differs were walked and found unchanged: remembered as such.
  const passed = (a: unknown, b: unknown) => {
    if (typeof a === "object" && a !== null) unchanged.set(a, b as object);
  };
  const walkItems = (a: unknown[], b: unknown[]): boolean => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1)
      if (!walk(a[i], b[i])) {
        for (let j = 0; j < i; j += 1) passed(a[j], b[j]);
        return false;
      }
    return true;
  };
  const walkProperties = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (key === "$ref" || !Object.hasOwn(b, key) || !walk(a[key], b[key])) {
        for (const name of keys.slice(0, i)) passed(a[name], b[name]);
        return false;
      }
    }
    return true;
  };
  return walk;
}
