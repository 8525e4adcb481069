import { z } from "zod";
import { slugSchema } from "@/lib/slug";

/** A new API token (`POST /api/v1/teams/{slug}/tokens`): for the team's services, or one of them. */
export const tokenInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  service: slugSchema.nullable().default(null),
  expiresInDays: z.coerce.number().int().min(1, "must be 1 to 365 days").max(365, "must be 1 to 365 days").nullable().default(90),
});

export type TokenInput = z.input<typeof tokenInputSchema>;
