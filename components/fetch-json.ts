/** GETs one of the portal's JSON endpoints from the browser; a failure throws the error model's message, or says `what` failed. */
export async function fetchJson(url: string, what = "The document"): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `${what} could not be loaded (HTTP ${response.status}).`);
  }
  return body as Record<string, unknown>;
}
