import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { ClientLanguage } from "@/lib/clients/client-manifest";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { Db } from "@/lib/platform/db/types";
import { readerCache } from "@/lib/platform/reader-cache";
import { zipFiles } from "@/lib/platform/zip-files";
import { getVersionDocument } from "./get-version-document";

export interface VersionClient {
  /** The zip's one folder, and the download's file name without `.zip`. */
  folder: string;
  zip: Uint8Array;
  revision: number;
  contentHash: string;
}

/** Clients already generated, by document hash, language and portal URL: a stored revision never changes. */
const cachedClient = readerCache<Uint8Array>({ maxEntries: 16, perCaller: 2, what: "client generations" });

/**
 * A typed client of one stored version (its newest revision unless one is named), as a zip: generated
 * in the readers' pipeline lane (lib/clients), kept for the next reader, bounded per caller.
 */
export async function getVersionClient(
  db: Db,
  input: { actor: Actor; caller: string; serviceSlug: string; version: string; revision?: number; language: ClientLanguage; portal: string },
): Promise<VersionClient> {
  assertMayRead(input.actor);
  const document = await getVersionDocument(db, { serviceSlug: input.serviceSlug, version: input.version, revision: input.revision });
  const folder = `${input.serviceSlug}-${input.language === "typescript" ? "client" : "client-python"}`;
  const source = {
    portal: input.portal,
    service: input.serviceSlug,
    version: document.version,
    revision: document.revision,
    contentHash: document.contentHash,
  };
  const zip = await cachedClient(
    `${document.contentHash}:${input.language}:${input.serviceSlug}:${document.version}:${document.revision}:${input.portal}`,
    input.caller,
    async () => zipFiles(folder, await runPipeline("generateClient", { json: document.json, source, language: input.language }, { lane: "read" })),
  );
  return { folder, zip, revision: document.revision, contentHash: document.contentHash };
}
