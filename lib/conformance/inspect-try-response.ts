import { getDb } from "@/lib/platform/db/database";
import { logger } from "@/lib/platform/logger";
import type { ProxiedCall } from "@/lib/try-it/proxy/handle-try-request";
import { checkProxiedResponse } from "./check-proxied-response";
import { recordTryVerdict } from "./record-conformance";
import { CONFORMANCE_HEADER, encodeVerdict } from "./verdict-header";

/**
 * Try it out's conformance check, the proxy's ResponseInspector: each real response is checked against
 * the operation's documented responses and the verdict returned in a header the docs show beside the
 * response. Signed-in callers' and tokens' verdicts are recorded for the version (pointer and rule,
 * never the body); an anonymous reader's are only shown. A check that fails is logged, never the call.
 */
export async function inspectTryResponse(call: ProxiedCall): Promise<Record<string, string>> {
  try {
    const verdict = checkProxiedResponse(call.target, call);
    if (!verdict) return {};
    // The version's id came with the mock target the proxy loaded: no second lookup.
    if (call.actor.kind === "user" || call.actor.kind === "token") await recordTryVerdict(await getDb(), { versionId: call.versionId, verdict });
    return { [CONFORMANCE_HEADER]: encodeVerdict(verdict) };
  } catch (error) {
    logger.warn({ event: "conformance.try-check-failed", service: call.serviceSlug, version: call.version, error: String(error).slice(0, 300) });
    return {};
  }
}
