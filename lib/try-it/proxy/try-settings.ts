import { env, publicUrl, type Env } from "@/lib/platform/env";
import { parseFetchPolicy, type FetchPolicy } from "@/lib/platform/fetch-policy";

export interface TrySettings {
  /** WAYFINDER_TRY_ALLOW, plus the portal's own address (relative servers, Wayfinder's own API). */
  policy: FetchPolicy;
  portal: URL;
  anonymous: boolean;
  timeoutMs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  callsPerMinute: number;
}

/** Try it out's settings, with their defaults. */
export function trySettings(config: Env = env()): TrySettings {
  const portal = publicUrl(config);
  const port = portal.port ? Number(portal.port) : portal.protocol === "https:" ? 443 : 80;
  // The portal itself, on its own port only: as a name or, for `127.0.0.1`, an address entry.
  const policy = parseFetchPolicy([config.WAYFINDER_TRY_ALLOW, `${portal.hostname}:${port}`].filter(Boolean).join(","));
  return {
    policy,
    portal,
    anonymous: config.WAYFINDER_TRY_ANONYMOUS ?? false,
    timeoutMs: config.WAYFINDER_TRY_TIMEOUT_MS ?? 15_000,
    maxRequestBytes: config.WAYFINDER_TRY_MAX_REQUEST_BYTES ?? 1_000_000,
    maxResponseBytes: config.WAYFINDER_TRY_MAX_RESPONSE_BYTES ?? 5_000_000,
    callsPerMinute: config.WAYFINDER_TRY_CALLS_PER_MINUTE ?? 60,
  };
}
