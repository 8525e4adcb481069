import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/lib/platform/errors";
import { serviceFieldsSelect } from "./service-summary";
import { policyFromDb } from "@/lib/approvals/breaking-policy";

/**
 * A service's editable state, as the audit log records it before and after a change, with the ids
 * of its owning teams for permission checks.
 */
export async function loadServiceSnapshot(tx: Prisma.TransactionClient, slug: string) {
  const row = await tx.service.findUnique({
    where: { slug },
    select: {
      id: true,
      // Not updatedAt: it changes with every edit and would show in every audit diff.
      ...serviceFieldsSelect,
      updatedAt: false,
      repositoryUrl: true,
      breakingChangePolicy: true,
      sunsetAt: true,
      archivedAt: true,
      links: { select: { kind: true, label: true, url: true }, orderBy: { position: "asc" } },
      ownerships: { select: { isPrimary: true, team: { select: { id: true, slug: true } } }, orderBy: { team: { slug: "asc" } } },
    },
  });
  if (!row) throw notFound(`Service "${slug}"`);
  const { id, ownerships, archivedAt, sunsetAt, breakingChangePolicy, ...state } = row;
  const primary = ownerships.find((ownership) => ownership.isPrimary)?.team;
  return {
    id,
    ownerTeamIds: ownerships.map((ownership) => ownership.team.id),
    state: {
      ...state,
      breakingChangePolicy: policyFromDb(breakingChangePolicy),
      archivedAt: archivedAt?.toISOString() ?? null,
      sunsetDate: sunsetAt?.toISOString().slice(0, 10) ?? null,
      primaryOwner: primary?.slug ?? null,
      otherOwners: ownerships.filter((ownership) => !ownership.isPrimary).map((ownership) => ownership.team.slug),
    },
  };
}

export type ServiceSnapshot = Awaited<ReturnType<typeof loadServiceSnapshot>>;
