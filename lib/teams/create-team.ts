import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { teamInputSchema, type TeamInput } from "./team-input";

/** Creates a team; a taken slug is a CONFLICT naming it. */
export async function createTeam(db: Db, input: TeamInput) {
  const data = teamInputSchema.parse(input);
  try {
    return await db.team.create({ data, select: { id: true, slug: true, name: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A team with slug "${data.slug}" already exists.`, { field: "slug" });
    }
    throw error;
  }
}
