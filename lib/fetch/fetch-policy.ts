import ipaddr from "ipaddr.js";

/** Hosts and networks the fetcher may reach although they are internal (WAYFINDER_FETCH_ALLOW). */
export interface FetchPolicy {
  hosts: Set<string>;
  networks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/** Reads a comma-separated list of host names and CIDRs (`10.0.0.0/8`, `fd00::/8`, `api.internal`). */
export function parseFetchPolicy(value: string | undefined): FetchPolicy {
  const policy: FetchPolicy = { hosts: new Set(), networks: [] };
  for (const entry of (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter(Boolean)) {
    if (entry.includes("/")) policy.networks.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      policy.networks.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else policy.hosts.add(entry);
  }
  return policy;
}

/**
 * Why an address must not be fetched, or null when it may be. Only ordinary public unicast addresses
 * pass: loopback, private, link-local (cloud metadata at 169.254.169.254 among them), unique-local,
 * multicast, carrier-grade NAT, reserved and unspecified ranges are refused, and so are IPv6 forms
 * that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) unless the embedded one passes.
 */
export function refusalReason(address: string, policy: FetchPolicy): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  for (const [network, bits] of policy.networks) {
    if (network.kind() === parsed.kind() && parsed.match(network, bits)) return null;
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  return `${parsed.toString()} is in the ${range.replace(/([A-Z])/g, " $1").toLowerCase()} range`;
}
