import { securitySchemesOf } from "@/lib/openapi/security-schemes";

type Json = Record<string, unknown>;

/** At most this many URLs from one server's variables (enum values multiply). */
const MAX_EXPANSIONS = 256;

function expand(template: string, variables: Json | undefined): string[] {
  let urls = [template];
  for (const [name, raw] of Object.entries(variables ?? {})) {
    const variable = (raw ?? {}) as { enum?: unknown[]; default?: unknown };
    // A variable without an enum may only take its default: a free variable would let a document
    // send the proxy anywhere (`https://{host}/`).
    const values = (Array.isArray(variable.enum) && variable.enum.length ? variable.enum : [variable.default]).filter(
      (value) => typeof value === "string",
    ) as string[];
    urls = urls.flatMap((url) => values.map((value) => url.split(`{${name}}`).join(value))).slice(0, MAX_EXPANSIONS);
  }
  return urls.filter((url) => !/[{}]/.test(url));
}

function serversOf(node: unknown): Json[] {
  const servers = (node as Json | undefined)?.servers;
  return Array.isArray(servers) ? (servers as Json[]) : [];
}

/**
 * Every server base URL a document declares (root, path and operation `servers`, variables filled in;
 * for Swagger 2.0, `schemes` × `host` + `basePath`), absolute: relative ones resolve against `base`,
 * as Swagger UI resolves them against the page.
 */
export function declaredServers(document: Json, base: URL): URL[] {
  const templates: { url: string; variables?: Json }[] = [];
  if (document.swagger) {
    if (typeof document.host === "string") {
      const schemes = Array.isArray(document.schemes) && document.schemes.length ? (document.schemes as string[]) : ["https"];
      for (const scheme of schemes) templates.push({ url: `${scheme}://${document.host}${typeof document.basePath === "string" ? document.basePath : ""}` });
    } else templates.push({ url: typeof document.basePath === "string" ? document.basePath : "/" });
  } else {
    const pathItems = Object.values((document.paths as Json | undefined) ?? {});
    const nodes = [document, ...pathItems, ...pathItems.flatMap((item) => Object.values((item as Json | null) ?? {}))];
    for (const node of nodes)
      for (const server of serversOf(node)) if (typeof server.url === "string") templates.push({ url: server.url, variables: server.variables as Json });
    if (!serversOf(document).length) templates.push({ url: "/" });
  }
  const urls = new Map<string, URL>();
  for (const template of templates)
    for (const url of expand(template.url, template.variables)) {
      try {
        const resolved = new URL(url, base);
        if (resolved.protocol === "http:" || resolved.protocol === "https:") urls.set(resolved.href, resolved);
      } catch {
        // Not a URL even after filling in: nothing to allow.
      }
    }
  return [...urls.values()];
}

/** The OAuth 2 token and refresh URLs a document's security schemes declare (the browser posts to them). */
export function declaredTokenUrls(document: Json): string[] {
  const schemes = Object.values(securitySchemesOf(document));
  const flows = schemes.flatMap((scheme) => [scheme, ...Object.values((scheme?.flows as Json | undefined) ?? {})] as Json[]);
  return flows.flatMap((flow) => [flow?.tokenUrl, flow?.refreshUrl]).filter((url): url is string => typeof url === "string" && /^https?:\/\//.test(url));
}

/** Whether `target` lies under one of the server URLs (same origin, and the path continues at a `/`). */
export function isUnderServer(target: URL, servers: URL[]): URL | undefined {
  return servers.find((server) => {
    if (server.origin !== target.origin) return false;
    const basePath = server.pathname.replace(/\/+$/, "");
    return target.pathname === basePath || target.pathname.startsWith(`${basePath}/`) || basePath === "";
  });
}
