import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/platform/errors";

/** Looks teams up by slug; an unknown one is a VALIDATION_FAILED naming it and the field. */
export async function findTeamsBySlug(tx: Prisma.TransactionClient, slugs: string[], field: string): Promise<Map<string, string>> {
  const teams = await tx.team.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const ids = new Map(teams.map((team) => [team.slug, team.id]));
  const missing = slugs.filter((slug) => !ids.has(slug));
  if (missing.length) throw new AppError("VALIDATION_FAILED", `Unknown team: ${missing.join(", ")}.`, { field, missing });
  return ids;
}
