/**
 * Calls a running portal's REST API as someone (session headers, a bearer token, or nobody) with an
 * optional JSON body; answers the status and the parsed body (null when empty).
 */
export async function jsonCall(baseUrl: string, who: Record<string, string>, method: string, url: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...who, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}
