import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { hashDocument } from "@/lib/openapi/hash-document";
import { readDemoSpec, WAYFINDER_SERVICE_SLUG } from "./demo-specs";

/**
 * Keeps Wayfinder's catalogue entry describing the API this build serves: publishes the current
 * contract when the service exists and its content changed (a no-op otherwise). Every start runs it, so
 * the publishing pipeline (validators, AsyncAPI's parser, the client generators) is loaded only to publish.
 */
export async function syncOwnDocument(db: Db): Promise<"current" | "published" | "absent"> {
  const own = await db.service.findUnique({
    where: { slug: WAYFINDER_SERVICE_SLUG },
    select: { id: true, currentVersion: { select: { version: true, contentHash: true } } },
  });
  if (!own) return "absent";
  // Most starts serve the contract already stored: known by its hash, without the publishing pipeline.
  const current = own.currentVersion;
  if (current?.version === wayfinderOpenApiDocument.info.version && current.contentHash === hashDocument(wayfinderOpenApiDocument)) return "current";
  const { publishVersion } = await import("@/lib/versions/publish-version");
  await publishVersion(db, {
    actor: systemActor("Wayfinder start-up"),
    serviceSlug: WAYFINDER_SERVICE_SLUG,
    text: readDemoSpec(WAYFINDER_SERVICE_SLUG),
    origin: "seed",
  });
  return "published";
}
