import type { MockOutput } from "./mock-request";

/** The mock's answer as an HTTP response, saying where its body came from. */
export function mockResponse(output: MockOutput, revision: number): Response {
  const headers = new Headers(output.headers);
  headers.set("X-Wayfinder-Mock", output.source);
  headers.set("X-Wayfinder-Mock-Revision", String(revision));
  headers.set("Cache-Control", "no-store");
  if (output.body === undefined || output.status === 204 || output.status === 304) return new Response(null, { status: output.status, headers });
  if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
  const text = typeof output.body === "string" && !/json/i.test(headers.get("content-type")!) ? output.body : JSON.stringify(output.body);
  return new Response(text, { status: output.status, headers });
}
