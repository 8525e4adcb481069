import { lookup } from "node:dns/promises";
import { isAllowedHost, refusalReason, urlPort, type FetchPolicy } from "@/lib/platform/fetch-policy";

/**
 * Why a URL's host must not be called, resolving it now (literal addresses are checked as they are),
 * or null when every address it has may be. For refusing a URL when it is saved: the fetcher checks
 * again at each connection, as an answer may change (rebinding). A name that does not resolve now is
 * not refused here (it may exist later); the delivery says so when it fails.
 */
export async function hostRefusal(url: URL, policy: FetchPolicy, allowSetting: string): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = urlPort(url);
  if (/^[\d.]+$|:/.test(host)) return refusalReason(host, policy, port, allowSetting);
  if (isAllowedHost(policy, host, port)) return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const why = refusalReason(address, policy, port, allowSetting);
    if (why) return `${host} resolves to ${why}`;
  }
  return null;
}
