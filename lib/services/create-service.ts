import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canRegisterService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { addSearchWords } from "@/lib/search-index/add-search-words";
import { AppError } from "@/lib/platform/errors";
import { findTeamsBySlug } from "@/lib/org/find-teams";
import { serviceInputSchema, sunsetAt, type ServiceInput } from "./service-input";
import { loadServiceSnapshot } from "./service-snapshot";
import { policyToDb } from "@/lib/approvals/breaking-policy";

/**
 * Registers a service with its owning teams (one primary) and links. People may only name teams they
 * belong to (admins any). One transaction: the service, its ownerships, links and the audit entry.
 */
export async function createService(db: Db, { actor, input }: { actor: Actor; input: ServiceInput }) {
  const { primaryOwner, otherOwners, links, documentUrl: _documentUrl, sunsetDate, ...fields } = serviceInputSchema.parse(input);
  const data = { ...fields, breakingChangePolicy: policyToDb(fields.breakingChangePolicy), sunsetAt: sunsetAt(sunsetDate) };
  const ownerSlugs = [primaryOwner, ...new Set(otherOwners)];
  return inTransaction(db, async (tx) => {
    const teamIds = await findTeamsBySlug(tx, ownerSlugs, "owners");
    assert(canRegisterService(actor, [...teamIds.values()]), actor, "register a service for teams you do not belong to");
    let created: { id: string; slug: string; name: string };
    try {
      created = await tx.service.create({
        data: {
          ...data,
          ownerships: { create: ownerSlugs.map((slug) => ({ teamId: teamIds.get(slug)!, isPrimary: slug === primaryOwner })) },
          links: { create: links.map((link, position) => ({ ...link, position })) },
        },
        select: { id: true, slug: true, name: true },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", `A service with slug "${data.slug}" already exists.`, { field: "slug" });
      }
      throw error;
    }
    await addSearchWords(tx, [data.name, data.slug, data.description ?? ""]);
    const after = await loadServiceSnapshot(tx, created.slug);
    await recordAudit(tx, actor, {
      action: "service.create",
      entityType: "service",
      entityId: created.id,
      entityKey: created.slug,
      serviceId: created.id,
      after: after.state,
    });
    return created;
  });
}
