import type { EventApi } from "@/lib/asyncapi/extract-event-api";
import type { AsyncApiFormat } from "@/lib/asyncapi/read-asyncapi";
import type { Change } from "@/lib/diff/diff-types";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { comparedSelect } from "./version-view";

/** A version of a service's event API as lists show it. */
export interface EventVersionView {
  version: string;
  revision: number;
  format: AsyncApiFormat;
  asyncapi: string;
  convertedFrom: string | null;
  title: string;
  channelCount: number;
  operationCount: number;
  messageCount: number;
  sizeBytes: number;
  origin: string;
  createdAt: string;
  /** The newest: what the service page shows first. */
  isCurrent: boolean;
  changes: { base: { version: string; revision: number }; breaking: number; warning: number; info: number } | null;
  /** Its house-rule findings, counted; null until linted. */
  lint: { status: "done" | "failed"; errorCount: number; warnCount: number } | null;
}

const viewSelect = {
  ...comparedSelect,
  format: true,
  asyncapi: true,
  convertedFrom: true,
  title: true,
  channelCount: true,
  operationCount: true,
  messageCount: true,
  sizeBytes: true,
  lintReport: { select: { status: true, errorCount: true, warnCount: true } },
} as const;

/** A service's event API versions, newest first (empty when it has none). */
export async function listEventVersions(db: Db, serviceSlug: string): Promise<EventVersionView[]> {
  const service = await db.service.findUnique({
    where: { slug: serviceSlug },
    select: { eventVersions: { select: viewSelect, orderBy: [{ createdAt: "desc" }, { revision: "desc" }] } },
  });
  if (!service) throw notFound(`Service "${serviceSlug}"`);
  return service.eventVersions.map(({ baseVersion, baseRevision, breakingCount, warningCount, infoCount, createdAt, lintReport, ...version }, index) => ({
    ...version,
    // Written only from a PreparedEventDocument's format.
    format: version.format as AsyncApiFormat,
    createdAt: createdAt.toISOString(),
    isCurrent: index === 0,
    changes: baseVersion
      ? { base: { version: baseVersion, revision: baseRevision ?? 1 }, breaking: breakingCount, warning: warningCount, info: infoCount }
      : null,
    lint: lintReport,
  }));
}

/** One event version with its document, channels, operations, messages and changes: the newest revision unless one is named, the newest version unless one is. */
export async function getEventVersion(db: Db, input: { serviceSlug: string; version?: string; revision?: number }) {
  const service = await db.service.findUnique({ where: { slug: input.serviceSlug }, select: { id: true } });
  if (!service) throw notFound(`Service "${input.serviceSlug}"`);
  const found = await db.eventVersion.findFirst({
    where: {
      serviceId: service.id,
      ...(input.version === undefined ? {} : { version: input.version }),
      ...(input.revision === undefined ? {} : { revision: input.revision }),
    },
    orderBy: input.version === undefined ? [{ createdAt: "desc" }, { revision: "desc" }] : [{ revision: "desc" }],
    select: {
      ...viewSelect,
      json: true,
      api: true,
      changes: true,
      contentHash: true,
      lintReport: { select: { status: true, errorCount: true, warnCount: true, findings: true, error: true } },
    },
  });
  if (!found)
    throw notFound(
      `Event API version ${input.version ?? ""}${input.revision ? ` (revision ${input.revision})` : ""} of "${input.serviceSlug}"`.replace("  ", " "),
    );
  return { ...found, api: found.api as unknown as EventApi, changes: (found.changes as unknown as Change[] | null) ?? [] };
}
