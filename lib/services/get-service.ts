import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { serviceFieldsSelect } from "./service-summary";
import { toVersionView, versionOrder, versionSelect } from "@/lib/versions/version-view";

/** A service with its owners (and how to reach them), links and versions (newest first), without any stored document. */
export async function getService(db: Db, slug: string) {
  const row = await db.service.findUnique({
    where: { slug },
    select: {
      ...serviceFieldsSelect,
      repositoryUrl: true,
      breakingChangePolicy: true,
      sunsetAt: true,
      createdAt: true,
      currentVersionId: true,
      ownerships: {
        select: { isPrimary: true, team: { select: { slug: true, name: true, chatChannel: true, email: true } } },
        orderBy: [{ isPrimary: "desc" }, { team: { name: "asc" } }],
      },
      links: { select: { kind: true, label: true, url: true }, orderBy: { position: "asc" } },
      versions: { select: versionSelect, orderBy: versionOrder },
    },
  });
  if (!row) throw notFound(`Service "${slug}"`);
  const { ownerships, versions, currentVersionId, createdAt, updatedAt, sunsetAt, ...fields } = row;
  return {
    ...fields,
    sunsetDate: sunsetAt?.toISOString().slice(0, 10) ?? null,
    owners: ownerships.map((ownership) => ({ ...ownership.team, isPrimary: ownership.isPrimary })),
    versions: versions.map((version) => toVersionView(version, currentVersionId)),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type ServiceDetail = Awaited<ReturnType<typeof getService>>;
