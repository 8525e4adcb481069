/**
 * How an operation is named across the diff, the proxy, declarations and the operation index:
 * `METHOD /path/template`. Two spellings of one path that differ only in parameter names
 * (`/charges/{id}` and `/charges/{charge}`) are the same operation, as the diff engine treats them.
 */

/** `GET /charges/{}`: the key two spellings of one operation share. */
export function operationKey(name: string): string {
  const space = name.indexOf(" ");
  if (space < 0) return name;
  const method = name.slice(0, space).toUpperCase();
  const path = name
    .slice(space + 1)
    .trim()
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/(.)\/+$/, "$1");
  return `${method} ${path}`;
}

/** Whether a declared operation is `METHOD /path` (else it is an operationId). */
export function isMethodAndPath(operation: string): boolean {
  return /^[A-Za-z]+ \//.test(operation);
}

/** operationId → `METHOD /path` names, from the operations of one or more versions. */
export function operationIdIndex(operations: Iterable<{ operationId: string | null; method: string; path: string }>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { operationId, method, path } of operations) {
    if (!operationId) continue;
    const name = `${method.toUpperCase()} ${path}`;
    const names = index.get(operationId) ?? [];
    if (!names.includes(name)) names.push(name);
    index.set(operationId, names);
  }
  return index;
}
