import type { Prisma } from "@/generated/prisma/client";
import { specFormatFromDb } from "@/lib/openapi/spec-format";

/** A service's own descriptive columns, shared by every view of a service. */
export const serviceFieldsSelect = {
  slug: true,
  name: true,
  description: true,
  lifecycle: true,
  tier: true,
  tags: true,
  updatedAt: true,
} satisfies Prisma.ServiceSelect;

/** What a list of services selects: never the stored documents. */
export const serviceSummarySelect = {
  ...serviceFieldsSelect,
  ownerships: {
    where: { isPrimary: true },
    select: { team: { select: { slug: true, name: true } } },
  },
  currentVersion: {
    select: { version: true, revision: true, format: true, operationCount: true, createdAt: true },
  },
  scorecard: { select: { level: true } },
  // The newest event version, as the service page shows it first.
  eventVersions: {
    orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
    take: 1,
    select: { version: true, revision: true, asyncapi: true, channelCount: true, operationCount: true, messageCount: true },
  },
} satisfies Prisma.ServiceSelect;

type ServiceSummaryRow = Prisma.ServiceGetPayload<{ select: typeof serviceSummarySelect }>;

/** The catalogue's view of a service, as lists show it and the REST API returns it. */
export function toServiceSummary(row: ServiceSummaryRow) {
  const primary = row.ownerships[0]?.team ?? null;
  const current = row.currentVersion;
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    lifecycle: row.lifecycle,
    tier: row.tier,
    tags: row.tags,
    primaryOwner: primary,
    latestVersion: current
      ? {
          version: current.version,
          revision: current.revision,
          format: specFormatFromDb(current.format),
          operationCount: current.operationCount,
          createdAt: current.createdAt.toISOString(),
        }
      : null,
    eventApi: row.eventVersions[0] ?? null,
    level: row.scorecard?.level ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ServiceSummary = ReturnType<typeof toServiceSummary>;
