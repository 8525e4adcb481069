import type { CatalogueEntry } from "./catalogue-entries";

/** RFC 9727's media type: a JSON linkset (RFC 9264) with the api-catalog profile. */
export const API_CATALOG_PROFILE = "https://www.rfc-editor.org/info/rfc9727";
export const API_CATALOG_TYPE = `application/linkset+json; profile="${API_CATALOG_PROFILE}"`;

type Target = { href: string; type?: string; title?: string };

/**
 * /.well-known/api-catalog (RFC 9727): a linkset whose first context is the catalog itself (its
 * profile, and an `item` per API), then one context per API (a service's HTTP contract or event API)
 * with its description (`service-desc`, the contract as JSON), its docs (`service-doc`) and its
 * Markdown page (`service-meta`).
 */
export function apiCatalog(origin: string, services: CatalogueEntry[]) {
  const apis: ({ anchor: string } & Record<string, Target[] | string>)[] = [];
  for (const service of services) {
    const page = `${origin}/services/${service.slug}`;
    const slug = encodeURIComponent(service.slug);
    if (service.http)
      apis.push({
        anchor: `${page}#http-api`,
        "service-desc": [
          {
            href: `${origin}/api/v1/services/${slug}/versions/${encodeURIComponent(service.http.version)}/document`,
            type: "application/json",
            title: service.http.title,
          },
        ],
        "service-doc": [{ href: page, type: "text/html", title: service.name }],
        "service-meta": [{ href: `${page}.md`, type: "text/markdown" }],
      });
    if (service.event)
      apis.push({
        anchor: `${page}#event-api`,
        "service-desc": [
          {
            href: `${origin}/api/v1/services/${slug}/event-versions/${encodeURIComponent(service.event.version)}/document`,
            type: "application/json",
            title: service.event.title,
          },
        ],
        "service-doc": [{ href: `${page}#event-api`, type: "text/html", title: service.name }],
        "service-meta": [{ href: `${page}.md`, type: "text/markdown" }],
      });
  }
  return {
    linkset: [
      { anchor: `${origin}/.well-known/api-catalog`, profile: [{ href: API_CATALOG_PROFILE }], item: apis.map(({ anchor }) => ({ href: anchor })) },
      ...apis,
    ],
  };
}
