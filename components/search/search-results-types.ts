import type { SearchResults } from "@/lib/search/search-everything";
import { eventLabel } from "./event-badge";

/** One result as the palette lists it: whatever its kind, a line, a detail and where it leads. */
export interface PaletteItem {
  kind: "Operations" | "Events" | "Services" | "Teams" | "Docs";
  key: string;
  title: string;
  detail: string;
  method?: string;
  /** An event hit's badge: `sends`, `receives`, `channel` or `message`. */
  event?: string;
  deprecated?: boolean;
  url: string;
}

/** Flattens grouped results into the palette's order: operations, events, services, teams, docs. */
export function paletteItems(results: SearchResults): PaletteItem[] {
  return [
    ...results.operations.map((hit) => ({
      kind: "Operations" as const,
      key: `op:${hit.service.slug}:${hit.method}:${hit.path}`,
      title: hit.path,
      detail: `${hit.service.name}${hit.operationId ? ` · ${hit.operationId}` : ""}${hit.summary ? ` · ${hit.summary}` : ""}`,
      method: hit.method,
      deprecated: hit.deprecated,
      url: hit.url,
    })),
    ...results.events.map((hit) => ({
      kind: "Events" as const,
      key: `event:${hit.service.slug}:${hit.kind}:${hit.name}`,
      title: hit.name,
      detail: `${hit.service.name}${hit.channel ? ` · ${hit.channel}` : ""}${hit.summary ? ` · ${hit.summary}` : ""}`,
      event: eventLabel(hit),
      url: hit.url,
    })),
    ...results.services.map((hit) => ({ kind: "Services" as const, key: `svc:${hit.slug}`, title: hit.name, detail: hit.description, url: hit.url })),
    ...results.teams.map((hit) => ({ kind: "Teams" as const, key: `team:${hit.slug}`, title: hit.name, detail: hit.slug, url: hit.url })),
    ...results.docs.map((hit) => ({ kind: "Docs" as const, key: `doc:${hit.url}`, title: hit.title, detail: hit.collection, url: hit.url })),
  ];
}
