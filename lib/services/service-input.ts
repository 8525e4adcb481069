import { z } from "zod";
import { Lifecycle, LinkKind } from "@/generated/prisma/enums";
import { slugSchema } from "@/lib/slug";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** A service as the registration form or `POST /api/v1/services` gives it. */
export const serviceInputSchema = z
  .object({
    slug: slugSchema,
    name: z.string().trim().min(1, "is required").max(100),
    description: z.string().trim().max(5000).default(""),
    lifecycle: z.enum(Lifecycle).default("experimental"),
    tier: z.number().int().min(1).max(4).default(3),
    tags: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]*$/, "tags are lower-case words joined by hyphens").max(40)).max(20).default([]),
    repositoryUrl: httpUrl.optional(),
    links: z
      .array(z.object({ kind: z.enum(LinkKind).default("other"), label: z.string().trim().min(1).max(60), url: httpUrl }))
      .max(20)
      .default([]),
    primaryOwner: slugSchema,
    otherOwners: z.array(slugSchema).max(10).default([]),
  })
  .refine((input) => !input.otherOwners.includes(input.primaryOwner), {
    message: "the primary owner cannot also be listed as another owner",
    path: ["otherOwners"],
  });

export type ServiceInput = z.input<typeof serviceInputSchema>;
