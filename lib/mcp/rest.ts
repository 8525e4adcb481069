import { operations } from "@/lib/api/contract/operations";

export type OperationName = keyof typeof operations;

/** A REST answer that is not 2xx, with the portal's own error message. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface MockInput {
  service: string;
  version: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface MockAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/**
 * How the MCP tools reach the portal: through its REST API, so that every tool answers exactly what the
 * same caller could read over REST (its read rules, errors and limits are the REST handlers' own).
 * In the portal the handlers are called in-process (app/mcp/route.ts); `wayfinder mcp` calls them over HTTP.
 */
export interface Rest {
  /** Calls a contract operation; resolves with its JSON (or text) body, rejects with a RestError. */
  call(operation: OperationName, params?: Record<string, string>, query?: Record<string, string | undefined>, body?: unknown): Promise<unknown>;
  /** One request to the mock of a service's version, with the mocked API's own headers only (never the caller's Wayfinder token). */
  mock(input: MockInput): Promise<MockAnswer>;
}

/** The URL of an operation's path with its parameters and query filled in, relative to the portal. */
export function operationUrl(operation: OperationName, params: Record<string, string> = {}, query: Record<string, string | undefined> = {}): string {
  const path = operations[operation].path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return `/api/v1${path}${search.size ? `?${search}` : ""}`;
}

/** The URL of a mock request, relative to the portal. */
export function mockUrl(input: MockInput): string {
  const search = new URLSearchParams(input.query ?? {});
  const path = input.path.startsWith("/") ? input.path : `/${input.path}`;
  return `/mock/${encodeURIComponent(input.service)}/${encodeURIComponent(input.version)}${path}${search.size ? `?${search}` : ""}`;
}

/** A Response as a tool's input: JSON parsed, or text; a non-2xx one as a RestError with the portal's message. */
export async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  const json = (() => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? (text.slice(0, 300) || `HTTP ${response.status}`);
    throw new RestError(response.status, message);
  }
  return json ?? text;
}

/** REST over HTTP, for `wayfinder mcp`: the portal at `base`, as the token's holder (or anonymously). */
export function httpRest(base: string, token: string | undefined): Rest {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });
  return {
    async call(operation, params, query, body) {
      const method = operations[operation].method.toUpperCase();
      const response = await fetch(new URL(operationUrl(operation, params, query), base), {
        method,
        headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return readAnswer(response);
    },
    async mock(input) {
      const method = input.method.toUpperCase();
      const response = await fetch(new URL(mockUrl(input), base), {
        method,
        headers: { ...input.headers, ...(input.body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: input.body === undefined || method === "GET" || method === "HEAD" ? undefined : JSON.stringify(input.body),
      });
      return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
    },
  };
}
