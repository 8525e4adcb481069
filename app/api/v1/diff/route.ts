import { createHash } from "node:crypto";
import { operations } from "@/lib/api/contract/operations";
import { withoutReach } from "@/lib/consumers/change-impact";
import { impactOnProvider } from "@/lib/consumers/provider-impact";
import { cachedDiff } from "@/lib/diff/diff-cache";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { callerKey } from "@/lib/auth/caller-key";
import { clientAddress } from "@/lib/platform/http/client-address";
import { defineRoute } from "@/lib/api/define-route";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";

/**
 * Two documents in, their classified changes out; nothing stored. Checked and compared off the main
 * thread. With `service`, each breaking and potentially breaking change names the consumers it touches.
 */
export const POST = defineRoute(operations.diffDocuments, async ({ request, actor, body, reply }) => {
  const limits = ingestLimitsFromEnv();
  const { base, revision, strict = false, service } = await body(2 * limits.maxBytes);
  const text = (document: string | Record<string, unknown>) => (typeof document === "string" ? document : JSON.stringify(document));
  const [baseText, revisionText] = [text(base), text(revision)];
  // In the readers' lane, bounded per caller; the same pair sent again is answered from what was kept
  // (consumers are looked up afresh each time).
  const key = createHash("sha256").update(`${strict}:reach`).update(baseText).update("\0").update(revisionText).digest("hex");
  const caller = callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false));
  const result = await cachedDiff(key, caller, () =>
    runPipeline("diffTexts", { base: baseText, revision: revisionText, limits, strict, reach: true }, { lane: "read" }),
  );
  if (!service) return reply(withoutReach(result));
  return reply(await impactOnProvider(await getDb(), { actor, providerSlug: service, result, revisionVersion: result.revisionVersion ?? "" }));
});
