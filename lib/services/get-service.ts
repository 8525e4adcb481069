import type { Actor } from "@/lib/auth/actor";
import { canSeeEmails } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { serviceFieldsSelect } from "./service-summary";
import { policyFromDb } from "@/lib/approvals/breaking-policy";
import { toVersionView, publishedVersions, versionOrder, versionSelect } from "@/lib/versions/version-view";

/**
 * A service with its owners (how to reach them, and their maintainers), links and versions (newest
 * first), without any stored document. Maintainers' emails only for a `reader` who may see them.
 */
export async function getService(db: Db, slug: string, { reader }: { reader?: Actor } = {}) {
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
        select: {
          isPrimary: true,
          team: {
            select: {
              slug: true,
              name: true,
              chatChannel: true,
              email: true,
              onCallUrl: true,
              memberships: { where: { role: "maintainer" }, select: { user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
            },
          },
        },
        orderBy: [{ isPrimary: "desc" }, { team: { name: "asc" } }],
      },
      links: { select: { kind: true, label: true, url: true }, orderBy: { position: "asc" } },
      versions: { where: publishedVersions, select: versionSelect, orderBy: versionOrder },
    },
  });
  if (!row) throw notFound(`Service "${slug}"`);
  const emails = reader !== undefined && canSeeEmails(reader);
  const { ownerships, versions, currentVersionId, createdAt, updatedAt, sunsetAt, breakingChangePolicy, ...fields } = row;
  return {
    ...fields,
    breakingChangePolicy: policyFromDb(breakingChangePolicy),
    sunsetDate: sunsetAt?.toISOString().slice(0, 10) ?? null,
    owners: ownerships.map(({ isPrimary, team: { memberships, ...team } }) => ({
      ...team,
      isPrimary,
      maintainers: memberships.map(({ user }) => ({ name: user.name, email: emails ? user.email : null })),
    })),
    versions: versions.map((version) => toVersionView(version, currentVersionId)),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type ServiceDetail = Awaited<ReturnType<typeof getService>>;
