import { csrfHeaders } from "@/lib/platform/security/csrf-client";
import { preferHeaderFor } from "./mock-preferences";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";

/** Swagger UI's request, as its interceptor sees it. */
export interface SwaggerRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  credentials?: RequestCredentials;
  [key: string]: unknown;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Swagger UI sends the body an operation declares even when it is empty, also on a GET (Stripe declares
 * an empty optional form on 212 GETs and DELETEs), and fetch refuses a GET or HEAD with a body
 * ("Request with GET/HEAD method cannot have body"). No GET or HEAD carries one, and a DELETE only when
 * the reader gave one; the Content-Type that described it goes too.
 */
export function withoutStrayBody(request: SwaggerRequest): SwaggerRequest {
  const method = request.method.toUpperCase();
  const body = request.body;
  const empty = body === undefined || body === null || body === "" || (body instanceof URLSearchParams && !body.toString());
  if (!(method === "GET" || method === "HEAD" || (method === "DELETE" && empty))) return request;
  if (!("body" in request)) return request;
  const { body: _body, ...rest } = request;
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== "content-type"));
  return { ...rest, headers };
}

/**
 * Sends every Try it out request the safe way: to the built-in mock directly (same origin), and
 * everything else through the portal's proxy, which calls the API from the server (so CORS and
 * internal hosts stop mattering) and never passes the portal's cookies on. A change sent to a real
 * server is confirmed first, naming the server.
 */
export function tryRequestInterceptor(config: TryConfig, confirmChange: (message: string) => boolean = (message) => window.confirm(message)) {
  return (sent: SwaggerRequest): SwaggerRequest => {
    const request = withoutStrayBody(sent);
    const origin = window.location.origin;
    const target = new URL(request.url, origin);
    const method = request.method.toUpperCase();
    if (target.origin === origin && target.pathname.startsWith(`${config.mockPath}/`)) {
      const prefer = preferHeaderFor(method, target.pathname.slice(config.mockPath.length));
      const { Cookie: mockCookie, cookie: mockCookieLower, ...mockHeaders } = request.headers;
      const apiCookie = mockCookie ?? mockCookieLower;
      return {
        ...request,
        headers: { ...mockHeaders, ...csrfHeaders(), ...(prefer ? { Prefer: prefer } : {}), ...(apiCookie ? { "X-Wayfinder-Cookie": apiCookie } : {}) },
      };
    }
    if (
      MUTATING.has(method) &&
      !confirmChange(`Send ${method} ${target.pathname} to the real server ${target.origin}? This is not the mock: it may change real data.`)
    )
      throw new Error("Cancelled: the request was not sent.");
    const { Cookie: apiCookie, cookie: apiCookieLower, ...headers } = request.headers;
    const cookie = apiCookie ?? apiCookieLower;
    return {
      ...request,
      url: `${origin}${config.proxyPath}`,
      credentials: "same-origin",
      headers: { ...headers, ...csrfHeaders(), "X-Wayfinder-Target": target.href, ...(cookie ? { "X-Wayfinder-Cookie": cookie } : {}) },
    };
  };
}
