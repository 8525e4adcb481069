import { assertMayRead } from "@/lib/auth/read-rule";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { boundedMemo } from "@/lib/platform/bounded-memo";
import { realisticBodyExamples } from "@/lib/try-it/samples/body-examples";
import type { BodyExamples } from "@/lib/try-it/samples/with-body-examples";
import { getVersionHead } from "@/lib/versions/get-version-document";
import { loadStoredDocument } from "@/lib/versions/load-stored-document";

/** By content hash: a version's examples do not change, and a page is read far more often than published. */
const computed = boundedMemo<BodyExamples>(200);

/**
 * The request bodies Try it out pre-fills for one stored version (realisticBodyExamples), computed
 * once per content and kept. For a small document, whose page hands them to Swagger UI with the
 * document; a large one's are computed in the browser, per operation opened.
 */
export async function getBodyExamples(
  db: Db,
  { actor, ...input }: { actor: Actor; serviceSlug: string; version: string; revision: number },
): Promise<BodyExamples> {
  assertMayRead(actor);
  const head = await getVersionHead(db, input);
  let examples = computed.get(head.contentHash);
  if (!examples) computed.set(head.contentHash, (examples = realisticBodyExamples((await loadStoredDocument(db, input, head)).document)));
  return examples;
}
