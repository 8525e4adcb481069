import { AppError } from "@/lib/platform/errors";
import { readBodyCapped } from "@/lib/platform/http/read-body";
import { searchParamsRecord } from "@/lib/platform/http/search-params";
import type { MockInput } from "./mock-request";

/** The largest request body the mock reads. */
export const MOCK_MAX_BODY_BYTES = 1_000_000;

/**
 * Headers that belong to the portal, not to the API being mocked. Cookies do reach the mock (a cookie API
 * key is checked there; the mock answers from the document and never echoes them); a browser cannot set
 * Cookie itself, so the docs send the API's cookie in X-Wayfinder-Cookie, added to them here.
 */
const PORTAL_HEADERS = new Set(["x-wayfinder-csrf", "x-wayfinder-target", "x-wayfinder-cookie"]);

async function readBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const bytes = await readBodyCapped(request, MOCK_MAX_BODY_BYTES);
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
  // Form and multipart bodies go to Prism as sent: it parses them itself.
  return text;
}

/** The parts of an HTTP request Prism looks at, with `path` relative to the mock's base address. */
export async function readMockInput(request: Request, path: string): Promise<MockInput> {
  const query = searchParamsRecord(new URL(request.url).searchParams);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (!PORTAL_HEADERS.has(name)) headers[name] = value;
  const apiCookie = request.headers.get("x-wayfinder-cookie");
  if (apiCookie) headers.cookie = headers.cookie ? `${headers.cookie}; ${apiCookie}` : apiCookie;
  return { method: request.method, path, query, headers, body: await readBody(request) };
}
