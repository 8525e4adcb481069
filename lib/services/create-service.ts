import { Prisma } from "@/generated/prisma/client";
import { inTransaction, type Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { serviceInputSchema, type ServiceInput } from "./service-input";

/** Registers a service with its owning teams (one primary) and links, in one transaction. */
export async function createService(db: Db, input: ServiceInput) {
  const { primaryOwner, otherOwners, links, ...data } = serviceInputSchema.parse(input);
  const ownerSlugs = [primaryOwner, ...new Set(otherOwners)];
  return inTransaction(db, async (tx) => {
    const teams = await tx.team.findMany({ where: { slug: { in: ownerSlugs } }, select: { id: true, slug: true } });
    const missing = ownerSlugs.filter((slug) => !teams.some((team) => team.slug === slug));
    if (missing.length) throw new AppError("VALIDATION_FAILED", `Unknown owning team: ${missing.join(", ")}.`, { field: "owners", missing });
    const teamId = (slug: string) => teams.find((team) => team.slug === slug)!.id;
    try {
      return await tx.service.create({
        data: {
          ...data,
          ownerships: { create: ownerSlugs.map((slug) => ({ teamId: teamId(slug), isPrimary: slug === primaryOwner })) },
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
  });
}
