import type { Db } from "@/lib/platform/db/types";
import { swaggerDeepLink } from "@/lib/search-index/swagger-deep-link";

export interface IndexedOperation {
  method: string;
  path: string;
  operationId: string | null;
  summary: string;
  deprecated: boolean;
  /** Swagger UI's deep link to it (`#/{tag}/{operationId}`), the same in the whole document and in a slice. */
  link: string;
}

export interface OperationGroup {
  name: string;
  operations: IndexedOperation[];
}

/** Documents from this size or operation count are read one operation at a time (see ApiReference). */
export const LARGE_DOCUMENT_BYTES = 1_000_000;
export const LARGE_DOCUMENT_OPERATIONS = 150;

export const isLargeDocument = (version: { sizeBytes: number; operationCount: number }) =>
  version.sizeBytes >= LARGE_DOCUMENT_BYTES || version.operationCount >= LARGE_DOCUMENT_OPERATIONS;

/** A version prefix (`v1`, `2010-04-01`, `api`) says nothing about what an untagged operation is about. */
const prefix = /^(v\d+(\.\d+)*|\d{4}-\d{2}-\d{2}|api|rest)$/i;

/** The group an operation is listed under: its first tag, else the first telling segment of its path. */
function groupOf(operation: { path: string; tags: string[] }): string {
  if (operation.tags[0]) return operation.tags[0];
  const segment = operation.path.split("/").find((part) => part && !prefix.test(part) && !part.startsWith("{"));
  return segment?.replace(/\.json$/, "") ?? "default";
}

/**
 * Every operation of one stored version from the index publishing built (never the document),
 * grouped by tag in the order groups first appear, for the docs of a large API.
 */
export async function listOperationIndex(db: Db, input: { serviceSlug: string; version: string; revision: number }): Promise<OperationGroup[]> {
  const rows = await db.operation.findMany({
    where: { apiVersion: { service: { slug: input.serviceSlug }, version: input.version, revision: input.revision, pendingSince: null } },
    select: { method: true, path: true, operationId: true, summary: true, tags: true, deprecated: true },
    orderBy: { id: "asc" },
  });
  const groups = new Map<string, IndexedOperation[]>();
  for (const row of rows) {
    const name = groupOf(row);
    const list = groups.get(name) ?? [];
    list.push({
      method: row.method,
      path: row.path,
      operationId: row.operationId,
      summary: row.summary,
      deprecated: row.deprecated,
      link: swaggerDeepLink(row),
    });
    groups.set(name, list);
  }
  return [...groups].map(([name, operations]) => ({ name, operations }));
}
