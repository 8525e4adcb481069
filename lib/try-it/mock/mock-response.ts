import { upstreamHeaders } from "@/lib/platform/http/upstream-response";
import type { MockOutput } from "./mock-request";

/**
 * The mock's answer as an HTTP response, saying where its body came from. The headers are the document's
 * (sanitised like a proxied API's: no cookies, redirects or policies on the portal's origin), sandboxed.
 */
export function mockResponse(output: MockOutput, revision: number): Response {
  const declared = new Headers();
  for (const [name, value] of Object.entries(output.headers)) {
    try {
      declared.append(name, value);
    } catch {
      // A header value the Fetch API refuses is not served.
    }
  }
  if (output.body !== undefined && !declared.has("content-type")) declared.set("Content-Type", "application/json");
  const headers = upstreamHeaders(declared);
  for (const [name, value] of Object.entries(output.headers)) if (/^x-wayfinder-mock-(warning|missing-credential)$/i.test(name)) headers.set(name, value);
  headers.set("X-Wayfinder-Mock", output.source);
  headers.set("X-Wayfinder-Mock-Revision", String(revision));
  if (output.body === undefined || output.status === 204 || output.status === 304) return new Response(null, { status: output.status, headers });
  const text = typeof output.body === "string" && !/json/i.test(headers.get("content-type")!) ? output.body : JSON.stringify(output.body);
  return new Response(text, { status: output.status, headers });
}
