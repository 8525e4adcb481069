import type { Db } from "@/lib/platform/db/types";

/** A team's tokens, newest first, without anything secret. */
export async function listTokens(db: Db, teamSlug: string) {
  const tokens = await db.apiToken.findMany({
    where: { team: { slug: teamSlug } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      service: { select: { slug: true } },
      createdBy: { select: { email: true } },
    },
  });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    service: token.service?.slug ?? null,
    createdBy: token.createdBy.email,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}

export type TokenSummary = Awaited<ReturnType<typeof listTokens>>[number];
