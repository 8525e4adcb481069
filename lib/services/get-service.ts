import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { toVersionView, versionOrder, versionSelect } from "@/lib/versions/version-view";

/** A service with its owners, links and versions (newest first), without any stored document. */
export async function getService(db: Db, slug: string) {
  const row = await db.service.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      lifecycle: true,
      tier: true,
      tags: true,
      repositoryUrl: true,
      createdAt: true,
      updatedAt: true,
      currentVersionId: true,
      ownerships: {
        select: { isPrimary: true, team: { select: { slug: true, name: true } } },
        orderBy: [{ isPrimary: "desc" }, { team: { name: "asc" } }],
      },
      links: { select: { kind: true, label: true, url: true }, orderBy: { position: "asc" } },
      versions: { select: versionSelect, orderBy: versionOrder },
    },
  });
  if (!row) throw notFound(`Service "${slug}"`);
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    lifecycle: row.lifecycle,
    tier: row.tier,
    tags: row.tags,
    repositoryUrl: row.repositoryUrl,
    owners: row.ownerships.map((ownership) => ({ ...ownership.team, isPrimary: ownership.isPrimary })),
    links: row.links,
    versions: row.versions.map((version) => toVersionView(version, row.currentVersionId)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ServiceDetail = Awaited<ReturnType<typeof getService>>;
