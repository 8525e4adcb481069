import type { MockTarget } from "@/lib/try-it/mock/mock-request";
import { pathUnderServer } from "@/lib/try-it/proxy/match-operation";
import { checkExchange, type ExchangeVerdict } from "./check-exchange";

const TEXTUAL = /^(application\/([\w.+-]*\+)?(json|xml)|text\/)/i;

/**
 * The verdict on one response the Try it out proxy got from a real server: null when the URL is under
 * none of the document's servers (an OAuth token URL). The body is read as text only when its media
 * type is textual; it is checked and dropped.
 */
export function checkProxiedResponse(
  target: MockTarget,
  call: { method: string; url: URL; portal: URL; status: number; headers: Headers; body: Uint8Array },
): ExchangeVerdict | null {
  const path = pathUnderServer(target, call.url, call.portal);
  if (path === null) return null;
  const headers = Object.fromEntries(call.headers);
  const textual = TEXTUAL.test(headers["content-type"] ?? "");
  return checkExchange(target, {
    method: call.method,
    path,
    queryNames: [...call.url.searchParams.keys()],
    status: call.status,
    headers,
    body: textual || !call.body.byteLength ? new TextDecoder().decode(call.body) : undefined,
  });
}
