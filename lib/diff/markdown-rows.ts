/**
 * Rows of a Markdown table within a character budget: a pull-request comment holds 65,536 characters
 * (GitHub), and a real API's check printed 84,047 with every warning on its own row. Returns the rows
 * that fit and how many did not.
 */
export function rowsWithin(rows: string[], budget: number): { shown: string[]; more: number } {
  const shown: string[] = [];
  let used = 0;
  for (const row of rows) {
    if (used + row.length + 1 > budget) break;
    shown.push(row);
    used += row.length + 1;
  }
  return { shown, more: rows.length - shown.length };
}

/** `| name | count |` rows, most frequent first. */
export function countRows(names: string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => `| \`${name}\` | ${count} |`);
}
