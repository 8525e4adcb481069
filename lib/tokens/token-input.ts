import { z } from "zod";
import { requiredText, slugSchema } from "@/lib/slug";

/** A new API token (`POST /api/v1/teams/{slug}/tokens`): for the team's services, or one of them. */
export const tokenInputSchema = z.object({
  name: requiredText(80),
  service: slugSchema.nullable().default(null),
  expiresInDays: z.int("must be a whole number of days").min(1, "must be 1 to 365 days").max(365, "must be 1 to 365 days").nullable().default(90),
});

export type TokenInput = z.input<typeof tokenInputSchema>;
