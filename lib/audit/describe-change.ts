/** The top-level fields that differ between an audit entry's before and after values. */
export function describeChange(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const asRecord = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const from = asRecord(before);
  const to = asRecord(after);
  const show = (value: unknown) => (value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value));
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: show(from[field]), after: show(to[field]) }));
}
