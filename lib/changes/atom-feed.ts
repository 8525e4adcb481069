import type { RecentChange } from "./list-recent-changes";

/** XML text: every character that could open markup is escaped, so spec text stays text. */
// Control characters XML 1.0 cannot hold at all are dropped (documents may contain them; NUL is refused earlier).
const xml = (text: string) =>
  text
    .replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** The company-wide changes as an Atom 1.0 feed (RFC 4287): one entry per published version. */
export function atomFeed(entries: RecentChange[], options: { baseUrl: string; title: string; selfPath: string }): string {
  const updated = entries[0]?.publishedAt ?? new Date(0).toISOString();
  const items = entries.map((entry) => {
    const link = `${options.baseUrl}${entry.url}`;
    const { breaking, warning, info } = entry.summary;
    const lines = entry.changes.map((change) => `${change.level.toUpperCase()} ${change.operation ?? change.component ?? ""}: ${change.message}`);
    if (entry.moreChanges) lines.push(`… and ${entry.moreChanges} more`);
    if (entry.consumers) {
      const broken = entry.consumers.filter((consumer) => consumer.breaking);
      lines.unshift(
        broken.length
          ? `Breaks ${broken.length} consumer${broken.length === 1 ? "" : "s"}: ${broken.map((consumer) => `${consumer.service.name} (${consumer.breaking} breaking)`).join(", ")}`
          : "Breaks no known consumer",
      );
    }
    return [
      "  <entry>",
      `    <id>${xml(`${options.baseUrl}/services/${encodeURIComponent(entry.service.slug)}/changes#${entry.contract === "event" ? "event-" : ""}${entry.version}-${entry.revision}`)}</id>`,
      `    <title>${xml(`${entry.service.name} ${entry.contract === "event" ? "event API " : ""}${entry.version} (revision ${entry.revision}): ${breaking} breaking, ${warning} potentially breaking, ${info} other`)}</title>`,
      `    <updated>${entry.publishedAt}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <summary type="text">${xml(`Since ${entry.base.version} (revision ${entry.base.revision}):\n${lines.join("\n")}`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${options.baseUrl}${options.selfPath}`)}</id>`,
    `  <title>${xml(options.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${options.baseUrl}${options.selfPath}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${options.baseUrl}/changes`)}"/>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
