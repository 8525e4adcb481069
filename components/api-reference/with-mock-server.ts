import type { TryConfig } from "@/lib/try-it/proxy/try-config";

type Json = Record<string, unknown>;

/**
 * The document as Swagger UI should see it: the built-in mock listed as a server (first, so chosen by
 * default, when the document's own servers cannot be reached from Wayfinder). Swagger 2.0 has no server
 * list: there the mock replaces host and basePath when the real host cannot be reached.
 */
export function withMockServer(document: Json, config: TryConfig, origin: string): Json {
  const mockUrl = `${origin}${config.mockPath}`;
  if (document.swagger) {
    if (!config.preferMock) return document;
    const url = new URL(mockUrl);
    return { ...document, schemes: [url.protocol.replace(":", "")], host: url.host, basePath: url.pathname };
  }
  const mock = { url: mockUrl, description: "Wayfinder mock server (answers from the document's examples and schemas)" };
  const servers = Array.isArray(document.servers) && document.servers.length ? (document.servers as Json[]) : [{ url: "/" }];
  return { ...document, servers: config.preferMock ? [mock, ...servers] : [...servers, mock] };
}
