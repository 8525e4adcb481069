import { lookup } from "node:dns/promises";
import { isNamedByPolicy, refusalReason, urlPort } from "@/lib/platform/fetch-policy";
import { declaredServers } from "./declared-targets";
import type { TrySettings } from "./try-settings";

export interface ServerReachability {
  url: string;
  reachable: boolean;
  why?: string;
}

const cache = new Map<string, { at: number; result: Promise<Omit<ServerReachability, "url">> }>();
const CACHE_MS = 5 * 60_000;
const LOOKUP_MS = 1_500;

async function check(url: URL, settings: TrySettings): Promise<Omit<ServerReachability, "url">> {
  const port = urlPort(url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isNamedByPolicy(settings.policy, host, port)) return { reachable: true };
  try {
    const addresses = /^[\d.]+$|:/.test(host)
      ? [{ address: host }]
      : await Promise.race([
          lookup(host, { all: true }),
          new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEOUT" })), LOOKUP_MS)),
        ]);
    const refused = addresses.map((entry) => refusalReason(entry.address, settings.policy, port, "WAYFINDER_TRY_ALLOW")).find(Boolean);
    return refused ? { reachable: false, why: refused } : { reachable: true };
  } catch (error) {
    return { reachable: false, why: `${host} does not resolve from Wayfinder (${(error as { code?: string }).code ?? "DNS"})` };
  }
}

/**
 * Whether the proxy could reach each server a document declares: the host resolves, and to addresses
 * the proxy may call. No request is sent. Answers are kept five minutes per host.
 */
export async function checkServers(document: Record<string, unknown>, settings: TrySettings): Promise<ServerReachability[]> {
  return Promise.all(
    declaredServers(document, settings.portal).map(async (url) => {
      const key = `${url.protocol}//${url.host}`;
      let entry = cache.get(key);
      if (!entry || Date.now() - entry.at > CACHE_MS) {
        entry = { at: Date.now(), result: check(url, settings) };
        cache.set(key, entry);
      }
      return { url: url.href, ...(await entry.result) };
    }),
  );
}
