import ipaddr from "ipaddr.js";

/** Ports an allowlist entry opens when it names none: plain http and https. */
export const DEFAULT_PORTS: readonly number[] = [80, 443];

/**
 * Hosts and networks the fetcher may reach although they are internal (WAYFINDER_FETCH_ALLOW), each
 * with the ports it opens: allowing `specs.internal` must not open its database port too.
 */
export interface FetchPolicy {
  hosts: Map<string, readonly number[]>;
  networks: { network: ipaddr.IPv4 | ipaddr.IPv6; bits: number; ports: readonly number[] }[];
}

function splitPort(entry: string): { target: string; ports: readonly number[] } {
  // `[v6 or v6-cidr]:port`, `[v6]`, `host:port`, `v4:port`, `v4/cidr:port`; a bare IPv6 has several colons.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { target: bracketed[1]!, ports: bracketed[2] ? [Number(bracketed[2])] : DEFAULT_PORTS };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { target: withPort[1]!, ports: [Number(withPort[2])] };
  return { target: entry, ports: DEFAULT_PORTS };
}

/**
 * Reads a comma-separated list of host names, addresses and CIDRs, each optionally with a port
 * (`specs.internal`, `specs.internal:8443`, `10.20.0.0/16`, `10.20.0.0/16:8080`, `[fd00::1]:8443`).
 * Without a port an entry opens 80 and 443 only. Throws on an entry it cannot read.
 */
export function parseFetchPolicy(value: string | undefined): FetchPolicy {
  const policy: FetchPolicy = { hosts: new Map(), networks: [] };
  for (const entry of (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)) {
    const { target, ports } = splitPort(entry);
    if (ports.some((port) => port < 1 || port > 65535)) throw new Error(`"${entry}": the port must be 1 to 65535`);
    if (target.includes("/")) {
      if (!ipaddr.isValidCIDR(target)) throw new Error(`"${entry}" is not a valid CIDR range`);
      const [network, bits] = ipaddr.parseCIDR(target);
      policy.networks.push({ network, bits, ports });
    } else if (ipaddr.isValid(target)) {
      const network = ipaddr.parse(target);
      policy.networks.push({ network, bits: network.kind() === "ipv4" ? 32 : 128, ports });
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(target)) {
      policy.hosts.set(target, [...(policy.hosts.get(target) ?? []), ...ports]);
    } else {
      throw new Error(`"${entry}" is not a host name, an address or a CIDR range`);
    }
  }
  return policy;
}

/** Whether the allowlist names this host for this port. */
export function isAllowedHost(policy: FetchPolicy, hostname: string, port: number): boolean {
  return policy.hosts.get(hostname.toLowerCase())?.includes(port) ?? false;
}

/** Whether the allowlist names this host, or this literal address by one of its networks, for this port. */
export function isNamedByPolicy(policy: FetchPolicy, hostname: string, port: number): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(host)) return isAllowedHost(policy, host, port);
  const address = ipaddr.process(host);
  return policy.networks.some(({ network, bits, ports }) => network.kind() === address.kind() && address.match(network, bits) && ports.includes(port));
}

/**
 * Why an address must not be fetched on this port, or null when it may be. Ordinary public unicast
 * addresses pass on any port; loopback, private, link-local (cloud metadata at 169.254.169.254 among
 * them), unique-local, multicast, carrier-grade NAT, reserved and unspecified ranges are refused unless
 * an allowlisted network holds the address with this port; and so are IPv6 forms that embed an IPv4
 * address (IPv4-mapped, NAT64, 6to4, Teredo) unless the embedded one passes.
 */
export function refusalReason(address: string, policy: FetchPolicy, port: number, allowSetting = "WAYFINDER_FETCH_ALLOW"): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  const networks = policy.networks.filter(({ network, bits }) => network.kind() === parsed.kind() && parsed.match(network, bits));
  if (networks.some(({ ports }) => ports.includes(port))) return null;
  if (networks.length) return `${parsed.toString()} is allowed by ${allowSetting}, but not on port ${port}`;
  return `${parsed.toString()} is in the ${range.replace(/([A-Z])/g, " $1").toLowerCase()} range`;
}

/** The port a URL connects to. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}
