import type { Prisma } from "@/generated/prisma/client";

/** A team's own columns, as every team view shows them. */
export const teamFieldsSelect = {
  slug: true,
  name: true,
  description: true,
  chatChannel: true,
  email: true,
  onCallUrl: true,
} satisfies Prisma.TeamSelect;
