import { z } from "zod";
import { MemberRole } from "@/generated/prisma/enums";
import { httpUrl } from "@/lib/platform/http/http-url";
import { requiredText, slugSchema } from "@/lib/slug";

const fields = {
  name: requiredText(100),
  description: z.string().max(2000, "must be at most 2000 characters").trim(),
  chatChannel: z.string().max(100, "must be at most 100 characters").trim().nullable(),
  email: z.email("must be an email address").nullable(),
  onCallUrl: httpUrl.nullable(),
};

/** A team as the form or `POST /api/v1/teams` gives it. */
export const teamInputSchema = z.object({
  slug: slugSchema,
  name: fields.name,
  description: fields.description.default(""),
  chatChannel: fields.chatChannel.optional(),
  email: fields.email.optional(),
  onCallUrl: fields.onCallUrl.optional(),
});

export type TeamInput = z.input<typeof teamInputSchema>;

/** A change to a team (`PATCH /api/v1/teams/{slug}`). */
export const teamUpdateSchema = z.object(fields).partial().strict();
export type TeamUpdate = z.input<typeof teamUpdateSchema>;

/** Adding someone to a team, or changing their role (`PUT /api/v1/teams/{slug}/members`). */
export const membershipInputSchema = z.object({
  email: z.email("must be an email address").transform((email) => email.toLowerCase()),
  role: z.enum(MemberRole).default("member"),
});
export type MembershipInput = z.input<typeof membershipInputSchema>;
