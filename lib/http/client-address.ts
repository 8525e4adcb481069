/**
 * The address of the client, for throttling. `next start` appends the socket's peer address to
 * X-Forwarded-For, so its last entry is what connected to us; behind a trusted proxy
 * (WAYFINDER_TRUST_PROXY=true) the entry before it is the address that proxy saw. Entries further
 * left are whatever the client claimed, and never used.
 */
export function clientAddress(request: Request, trustProxy: boolean): string {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const picked = trustProxy && entries.length >= 2 ? entries[entries.length - 2] : entries[entries.length - 1];
  return picked ?? "unknown";
}
