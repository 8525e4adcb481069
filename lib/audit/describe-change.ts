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

/**
 * What a version's entry is about, to show beside its action: the version and revision published
 * (and that a revision replaced what its version shows), or null for other entries.
 */
export function describeVersionEntry(action: string, after: unknown): string | null {
  if (!action.startsWith("version.") || !after || typeof after !== "object") return null;
  const { version, revision, kind } = after as { version?: unknown; revision?: unknown; kind?: unknown };
  if (typeof version !== "string") return null;
  const label = typeof revision === "number" && revision > 1 ? `${version} revision ${revision}` : version;
  return kind === "revision" ? `${label} (same info.version, new content)` : label;
}
