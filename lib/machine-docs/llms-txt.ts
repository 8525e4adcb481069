import { collections, collectionTitles } from "@/lib/content/collections";
import type { CatalogueEntry } from "./catalogue-entries";
import { inlineText, linkTarget } from "./markdown-text";

interface DocLink {
  collection: string;
  title: string;
  summary: string | null;
  markdownUrl: string;
}

/**
 * /llms.txt (llmstxt.org): the portal as a short Markdown index for language models. An H1, a summary
 * quote, then H2 sections of links: every service (to its Markdown page), the docs by collection, and
 * under "Optional" the machine interfaces.
 */
export function llmsTxt(origin: string, services: CatalogueEntry[], docs: DocLink[]): string {
  const lines = [
    "# Wayfinder",
    "",
    "> The company's developer portal: every service with its owners, lifecycle and API contracts (OpenAPI and AsyncAPI), the house patterns and architecture decisions. Each link below is a Markdown page.",
    "",
    `Operations are listed on each service's page with links to one Markdown page per operation. Contracts are served as JSON at ${origin}/api/v1/services/{service}/versions/{version}/document; typed clients at …/client?lang=typescript|python; the portal's MCP server is at ${origin}/mcp.`,
    "",
    "## Services",
    "",
  ];
  for (const service of services) {
    const contracts = [
      service.http ? `HTTP API ${inlineText(service.http.version, 40)}, ${service.http.operations} operations` : null,
      service.event ? `event API ${inlineText(service.event.version, 40)}, ${service.event.operations} operations` : null,
    ].filter(Boolean);
    const notes = [
      service.lifecycle,
      service.owner ? `owned by ${inlineText(service.owner, 80)}` : null,
      ...contracts,
      inlineText(service.description, 200) || null,
    ]
      .filter(Boolean)
      .join("; ");
    lines.push(`- [${inlineText(service.name, 120)}](${linkTarget(`${origin}/services/${service.slug}.md`)}): ${notes}`);
  }
  for (const collection of collections) {
    const section = collectionTitles[collection];
    const entries = docs.filter((doc) => doc.collection === collection);
    if (!entries.length) continue;
    lines.push("", `## ${section}`, "");
    for (const doc of entries)
      lines.push(`- [${inlineText(doc.title, 120)}](${linkTarget(`${origin}${doc.markdownUrl}`)})${doc.summary ? `: ${inlineText(doc.summary, 200)}` : ""}`);
  }
  lines.push(
    "",
    "## Optional",
    "",
    `- [API catalog](${origin}/.well-known/api-catalog): every contract's URL as an RFC 9727 linkset`,
    `- [Wayfinder's REST API](${origin}/api/v1/openapi.json): its OpenAPI 3.1 description`,
    "",
  );
  return lines.join("\n");
}
