import { routeOperation, type MockTarget } from "@/lib/try-it/mock/mock-request";
import { declaredServers, isUnderServer } from "./declared-targets";

/** The path of a called URL under the server of the document it is under (`/payments/1` of `https://api.example.com/v1/payments/1`); null when under none. */
export function pathUnderServer(target: MockTarget, url: URL, portal: URL): string | null {
  const server = isUnderServer(url, declaredServers(target.document, portal));
  if (!server) return null;
  return url.pathname.slice(server.pathname.replace(/\/+$/, "").length) || "/";
}

/** Which operation a proxied call was, `METHOD /path/template`, for the log and the figures; null when none matches. */
export function matchOperation(target: MockTarget, method: string, url: URL, portal: URL): string | null {
  const path = pathUnderServer(target, url, portal);
  return path === null ? null : routeOperation(target.operations, method, path);
}
