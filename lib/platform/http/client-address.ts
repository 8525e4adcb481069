/** Set by scripts/serve.mjs on every request from the socket's address; a client's own value is replaced. */
export const PEER_HEADER = "x-wayfinder-peer";

/**
 * The address of the client, for throttling: never anything the client wrote. The server puts the
 * socket's peer address in X-Wayfinder-Peer. Behind a trusted reverse proxy (WAYFINDER_TRUST_PROXY=true)
 * the peer is the proxy, and the client is the right-most X-Forwarded-For entry, the one that proxy
 * appended; entries further left are whatever the client claimed, and never used.
 */
export function clientAddress(request: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const appended = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .at(-1);
    if (appended) return appended;
  }
  return request.headers.get(PEER_HEADER) ?? "unknown";
}
