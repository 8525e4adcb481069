import type { IHttpOperation } from "@stoplight/types";
import type { Db } from "@/lib/platform/db/types";
import { loadStoredDocument } from "@/lib/versions/load-stored-document";
import { buildMockOperations } from "./mock-operations";
import type { MockTarget } from "./mock-request";

/** Prism's operations per parsed document, built the first time the mock or the proxy needs them (and dropped with the document). */
const operationsOf = new WeakMap<Record<string, unknown>, IHttpOperation[]>();

/**
 * The mock for one stored version (its newest revision): the document and Prism's operations for it,
 * built once per document content and kept for the next request.
 */
export async function loadMockTarget(db: Db, input: { serviceSlug: string; version: string }): Promise<MockTarget & { versionId: string; revision: number }> {
  const { document, versionId, revision } = await loadStoredDocument(db, input);
  let operations = operationsOf.get(document);
  if (!operations) {
    operations = buildMockOperations(document);
    operationsOf.set(document, operations);
  }
  return { document, operations, versionId, revision };
}
