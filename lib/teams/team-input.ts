import { z } from "zod";
import { slugSchema } from "@/lib/slug";

/** A team as a form or `POST /api/v1/teams` gives it. */
export const teamInputSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "is required").max(100),
  description: z.string().trim().max(2000).default(""),
  chatChannel: z.string().trim().max(100).optional(),
  email: z.email("must be an email address").optional(),
});

export type TeamInput = z.input<typeof teamInputSchema>;
