import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** What a path serves: text with an ETag, a redirect, an HTTP status, or (slowloris) a body that trickles forever. */
interface RouteResponse {
  text?: string;
  redirect?: string;
  status?: number;
  trickle?: boolean;
}

export interface SpecServer {
  /** http://localhost:<port> — a name, not a literal address, so tests can allow it by host. */
  url: string;
  requests: { path: string; ifNoneMatch?: string }[];
  /** Replaces what a path serves: text with an ETag, a redirect, or an HTTP status. */
  set(path: string, response: RouteResponse): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback for URL-source tests: serves what the test sets, honours
 * If-None-Match with 304, and can serve a whole folder (for multi-file documents).
 */
export async function startSpecServer(folder?: string): Promise<SpecServer> {
  const routes = new Map<string, RouteResponse>();
  const trickles = new Set<NodeJS.Timeout>();
  const requests: SpecServer["requests"] = [];
  const etagOf = (text: string) => `"${createHash("sha1").update(text).digest("base64url")}"`;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
      requests.push({ path: urlPath, ifNoneMatch: request.headers["if-none-match"] });
      const route = routes.get(urlPath);
      if (route?.redirect) return response.writeHead(302, { Location: route.redirect }).end();
      if (route?.status) return response.writeHead(route.status).end("unavailable");
      if (route?.trickle) {
        response.writeHead(200, { "Content-Type": "application/yaml" });
        response.write("openapi: 3.0.3\n");
        const timer = setInterval(() => response.write(" "), 200);
        trickles.add(timer);
        response.on("close", () => (clearInterval(timer), trickles.delete(timer)));
        return;
      }
      let text = route?.text;
      if (text === undefined && folder)
        text = await readFile(path.join(folder, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, "")), "utf8").catch(() => undefined);
      if (text === undefined) return response.writeHead(404).end("not found");
      const etag = etagOf(text);
      if (request.headers["if-none-match"] === etag) return response.writeHead(304, { ETag: etag }).end();
      response.writeHead(200, { "Content-Type": urlPath.endsWith(".json") ? "application/json" : "application/yaml", ETag: etag }).end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${port}`,
    requests,
    set: (urlPath, response) => routes.set(urlPath, response),
    close: () =>
      new Promise((resolve) => {
        for (const timer of trickles) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
