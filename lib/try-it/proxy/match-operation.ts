import { routeOperation, type MockTarget } from "@/lib/try-it/mock/mock-request";
import { declaredServers, isUnderServer } from "./declared-targets";

/** Which operation a proxied call was, `METHOD /path/template`, for the log and the figures; null when none matches. */
export function matchOperation(target: MockTarget, method: string, url: URL, portal: URL): string | null {
  const server = isUnderServer(url, declaredServers(target.document, portal));
  if (!server) return null;
  const path = url.pathname.slice(server.pathname.replace(/\/+$/, "").length) || "/";
  return routeOperation(target.operations, method, path);
}
