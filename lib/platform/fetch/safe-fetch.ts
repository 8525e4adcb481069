import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch } from "undici";
import { AppError, isAppError } from "@/lib/platform/errors";
import { limitExceeded } from "@/lib/platform/limits/limit-error";
import { isAllowedHost, refusalReason, urlPort, type FetchPolicy } from "@/lib/platform/fetch-policy";

export interface SafeFetchOptions {
  policy: FetchPolicy;
  maxBytes: number;
  /** Aborts everything (all redirects and the body) when it fires. */
  signal: AbortSignal;
  headers?: Record<string, string>;
  maxRedirects?: number;
  /** GET unless given; a 303 (or a 301/302 after a POST) turns it into a GET without the body, as browsers do. */
  method?: string;
  body?: Uint8Array;
  /** Headers that carry credentials: dropped when a redirect leaves the first origin. */
  credentialHeaders?: readonly string[];
  /** The settings that errors name: which one allows internal hosts, which bounds the time. */
  allowSetting?: string;
  timeoutSetting?: string;
  /** The error for a body from `url` over `maxBytes` (default: the ingestion limit WAYFINDER_MAX_DOCUMENT_BYTES). */
  tooLarge?: (url: string, declaredBytes?: number) => AppError;
}

/** Why a fetch failed, for a person: the portal refused it, or DNS, the connection, TLS or time. */
export type FetchFailure = "allowlist" | "dns" | "refused" | "timeout" | "tls" | "too_large" | "other";

function failureOf(cause: unknown): FetchFailure {
  const code = String((cause as { code?: unknown } | undefined)?.code ?? "");
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EHOSTUNREACH" || code === "ENETUNREACH") return "refused";
  if (code.includes("TIMEOUT")) return "timeout";
  if (/CERT|SSL|TLS|SELF_SIGNED|ERR_TLS/.test(code)) return "tls";
  return "other";
}

export interface SafeResponse {
  status: number;
  url: string;
  headers: Headers;
  body: Uint8Array;
}

const refuse = (url: string, why: string, allowSetting?: string) =>
  new AppError("FETCH_REFUSED", `Refused to fetch ${url}: ${why}.${allowSetting ? ` Internal hosts can be allowed with ${allowSetting}.` : ""}`, {
    url,
    reason: "allowlist" satisfies FetchFailure,
  });

/**
 * Resolves a host name and refuses it unless every address it resolves to is allowed. The socket then
 * connects to the address checked here, so a DNS answer that changes between check and connect
 * (rebinding) cannot slip through. The lookup does not see the port, so `port` says which one the
 * current request (the first, or a redirect) is going to.
 */
function guardedLookup(policy: FetchPolicy, port: () => number, allowSetting: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowedHost = isAllowedHost(policy, hostname, port());
      const refused = allowedHost ? undefined : addresses.map((entry) => refusalReason(entry.address, policy, port(), allowSetting)).find(Boolean);
      if (refused || !addresses.length) return callback(refuse(hostname, refused ?? "it does not resolve", allowSetting), "", 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

async function readCapped(response: Response, options: SafeFetchOptions, url: string): Promise<Uint8Array> {
  const { maxBytes } = options;
  const tooLarge =
    options.tooLarge ??
    ((at: string, declaredBytes?: number) =>
      limitExceeded("maxBytes", maxBytes, `The document at ${at}${declaredBytes === undefined ? "" : ` (${declaredBytes} bytes)`}`));
  const declared = Number(response.headers.get("content-length") ?? "0");
  // Refused at once, the body never awaited: a server that declares too much and then stalls must not hold the call.
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, declared);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(url);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The body within the limits; a server that stalls or drops mid-body is a fetch failure, said plainly. */
async function readBody(response: Response, options: SafeFetchOptions, url: string): Promise<Uint8Array> {
  try {
    return await readCapped(response, options, url);
  } catch (error) {
    if (isAppError(error)) throw error;
    if (options.signal.aborted)
      throw new AppError(
        "FETCH_FAILED",
        `Reading ${url} took longer than allowed (${options.timeoutSetting ?? "WAYFINDER_FETCH_TIMEOUT_MS"}): the server sent its body too slowly.`,
        { url, reason: "timeout" satisfies FetchFailure },
      );
    throw new AppError("FETCH_FAILED", `The connection to ${url} failed while reading its body: ${(error as Error).message}.`, { url, reason: "other" });
  }
}

/**
 * Fetches a URL for ingestion without letting it reach the portal's own network: http and https only,
 * every address checked (literal IPs before connecting, names as they resolve), every redirect
 * re-checked, the body capped at `maxBytes`, and the whole exchange bounded by `signal`.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeResponse> {
  let current = new URL(url);
  const allowSetting = options.allowSetting ?? "WAYFINDER_FETCH_ALLOW";
  const firstOrigin = current.origin;
  let method = options.method ?? "GET";
  let body = options.body;
  const given = new Set(Object.keys(options.headers ?? {}).map((name) => name.toLowerCase()));
  const defaults = Object.entries({ "User-Agent": "Wayfinder", Accept: "application/json, application/yaml, text/yaml, */*" }).filter(
    ([name]) => !given.has(name.toLowerCase()),
  );
  let headers: Record<string, string> = { ...Object.fromEntries(defaults), ...options.headers };
  const agent = new Agent({ connect: { lookup: guardedLookup(options.policy, () => urlPort(current), allowSetting) } });
  try {
    for (let redirects = 0; ; redirects += 1) {
      if (current.protocol !== "http:" && current.protocol !== "https:") throw refuse(current.href, `only http and https are fetched, not ${current.protocol}`);
      if (current.username || current.password) throw refuse(current.href, "URLs with credentials are not fetched");
      const host = current.hostname.replace(/^\[|\]$/g, "");
      // Literal addresses skip DNS, and so the lookup guard: check them here.
      if (/^[\d.]+$|:/.test(host)) {
        const why = refusalReason(host, options.policy, urlPort(current), allowSetting);
        if (why) throw refuse(current.href, why, allowSetting);
      }
      let response: Response;
      try {
        response = (await fetch(current, {
          dispatcher: agent,
          redirect: "manual",
          signal: options.signal,
          method,
          headers,
          ...(body && method !== "GET" && method !== "HEAD" ? { body } : {}),
        })) as unknown as Response;
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (isAppError(cause)) throw cause;
        if (options.signal.aborted)
          throw new AppError("FETCH_FAILED", `Fetching ${current.href} took longer than allowed (${options.timeoutSetting ?? "WAYFINDER_FETCH_TIMEOUT_MS"}).`, {
            url: current.href,
            reason: "timeout" satisfies FetchFailure,
          });
        throw new AppError("FETCH_FAILED", `Could not fetch ${current.href}: ${(cause as Error | undefined)?.message ?? (error as Error).message}.`, {
          url: current.href,
          reason: failureOf(cause),
        });
      }
      if ([301, 302, 303, 307, 308].includes(response.status)) {
        const location = response.headers.get("location");
        await response.body?.cancel();
        if (!location) throw new AppError("FETCH_FAILED", `${current.href} redirected without a Location.`, { url: current.href });
        if (redirects >= (options.maxRedirects ?? 5))
          throw new AppError("FETCH_FAILED", `${url} redirected more than ${options.maxRedirects ?? 5} times.`, { url });
        current = new URL(location, current);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        // Credentials were meant for the first server: a redirect elsewhere does not take them along.
        if (current.origin !== firstOrigin && options.credentialHeaders?.length) {
          const dropped = new Set(options.credentialHeaders.map((name) => name.toLowerCase()));
          headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
        }
        continue;
      }
      const received = response.status === 304 ? new Uint8Array() : await readBody(response, options, current.href);
      return { status: response.status, url: current.href, headers: response.headers, body: received };
    }
  } finally {
    // destroy, not close: close waits for a response still streaming (one refused for its size, say).
    await agent.destroy();
  }
}
