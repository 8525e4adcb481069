import { AppError } from "@/lib/errors";
import type { MockInput } from "./mock-request";

/** The largest request body the mock reads. */
export const MOCK_MAX_BODY_BYTES = 1_000_000;

/** Headers that belong to the portal, never to the API being mocked: they are not shown to the mock. */
const PORTAL_HEADERS = new Set(["cookie", "x-wayfinder-csrf", "x-wayfinder-target"]);

async function readBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MOCK_MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The mock reads request bodies of at most ${MOCK_MAX_BODY_BYTES} bytes.`);
  if (!bytes.byteLength) return undefined;
  const text = new TextDecoder().decode(bytes);
  const type = request.headers.get("content-type") ?? "";
  if (/[/+]json\b/i.test(type)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new AppError("BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}.`);
    }
  }
  if (/^application\/x-www-form-urlencoded/i.test(type)) return Object.fromEntries(new URLSearchParams(text));
  return text;
}

/** The parts of an HTTP request Prism looks at, with `path` relative to the mock's base address. */
export async function readMockInput(request: Request, path: string): Promise<MockInput> {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (!PORTAL_HEADERS.has(name)) headers[name] = value;
  return { method: request.method, path, query, headers, body: await readBody(request) };
}
