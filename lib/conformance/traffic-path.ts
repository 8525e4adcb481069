import { declaredServers } from "@/lib/try-it/proxy/declared-targets";

const basesOf = new WeakMap<object, string[]>();

/**
 * The path of a logged URL under the contract's servers, matched by path alone: a log written inside
 * the network names hosts (`orders.internal:8080`) the contract does not, and a log of paths names
 * none. The longest base path that prefixes it is taken off (`/v1/orders/1` under `…/v1` is `/orders/1`).
 */
export function trafficPath(document: Record<string, unknown>, url: URL): string {
  let bases = basesOf.get(document);
  if (!bases) {
    const paths = declaredServers(document, new URL("http://traffic.invalid/")).map((server) => server.pathname.replace(/\/+$/, ""));
    bases = [...new Set(paths)].filter(Boolean).sort((a, b) => b.length - a.length);
    basesOf.set(document, bases);
  }
  const base = bases.find((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  return base ? url.pathname.slice(base.length) || "/" : url.pathname;
}
