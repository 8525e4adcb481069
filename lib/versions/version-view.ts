import type { Prisma } from "@/generated/prisma/client";
import { specFormatFromDb } from "@/lib/openapi/spec-format";

/** The columns a version list shows; never the document. */
export const versionSelect = {
  id: true,
  version: true,
  revision: true,
  format: true,
  title: true,
  operationCount: true,
  sizeBytes: true,
  contentHash: true,
  origin: true,
  createdAt: true,
} satisfies Prisma.ApiVersionSelect;

export const versionOrder = [{ createdAt: "desc" }, { revision: "desc" }] satisfies Prisma.ApiVersionOrderByWithRelationInput[];

type VersionRow = Prisma.ApiVersionGetPayload<{ select: typeof versionSelect }>;

/** A version as pages and the REST API show it; `isCurrent` marks the one the service serves. */
export function toVersionView({ id, format, createdAt, ...version }: VersionRow, currentVersionId: string | null) {
  return { ...version, format: specFormatFromDb(format), isCurrent: id === currentVersionId, createdAt: createdAt.toISOString() };
}

export type VersionView = ReturnType<typeof toVersionView>;
