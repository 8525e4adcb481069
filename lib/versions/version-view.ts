import type { Prisma } from "@/generated/prisma/client";
import { specFormatFromDb } from "@/lib/openapi/spec-format";

/**
 * A version (of an HTTP contract or of an event API: both tables have these columns), when and how it
 * was published, what it was compared with, and how many changes at each level.
 */
export const comparedSelect = {
  version: true,
  revision: true,
  createdAt: true,
  origin: true,
  baseVersion: true,
  baseRevision: true,
  breakingCount: true,
  warningCount: true,
  infoCount: true,
} as const satisfies Prisma.ApiVersionSelect & Prisma.EventVersionSelect;

/** The columns a version list shows; never the document. */
/** What a version was compared with when published, and the outcome (not the changes themselves). */
export const versionDiffSelect = {
  ...comparedSelect,
  semverViolation: true,
  acceptedBreakingReason: true,
} satisfies Prisma.ApiVersionSelect;

export const versionSelect = {
  ...versionDiffSelect,
  id: true,
  format: true,
  title: true,
  operationCount: true,
  sizeBytes: true,
  contentHash: true,
} satisfies Prisma.ApiVersionSelect;

/** The versions that are versions: not one a publish is still writing (see ApiVersion.pendingSince). */
export const publishedVersions = { pendingSince: null } satisfies Prisma.ApiVersionWhereInput;

export const versionOrder = [{ createdAt: "desc" }, { revision: "desc" }] satisfies Prisma.ApiVersionOrderByWithRelationInput[];

type VersionRow = Prisma.ApiVersionGetPayload<{ select: typeof versionSelect }>;

/** A version as pages and the REST API show it; `isCurrent` marks the one the service serves. */
export function toVersionView(
  { id, format, createdAt, baseVersion, baseRevision, breakingCount, warningCount, infoCount, semverViolation, acceptedBreakingReason, ...version }: VersionRow,
  currentVersionId: string | null,
) {
  // What changed against the version it was compared with when published; null for a first version
  // (and for versions published before Wayfinder compared them).
  const changes =
    baseVersion !== null && baseRevision !== null
      ? {
          base: { version: baseVersion, revision: baseRevision },
          breaking: breakingCount,
          warning: warningCount,
          info: infoCount,
          semverViolation,
          acceptedBreakingReason,
        }
      : null;
  return { ...version, format: specFormatFromDb(format), isCurrent: id === currentVersionId, createdAt: createdAt.toISOString(), changes };
}

export type VersionView = ReturnType<typeof toVersionView>;
