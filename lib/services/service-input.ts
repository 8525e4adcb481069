import { z } from "zod";
import { Lifecycle, LinkKind } from "@/generated/prisma/enums";
import { BREAKING_POLICIES } from "@/lib/approvals/breaking-policy";
import { requiredText, slugSchema } from "@/lib/slug";
import { fetchableUrl, httpUrl } from "@/lib/platform/http/http-url";

const fields = {
  name: requiredText(100),
  description: z.string().max(5000, "must be at most 5000 characters").trim(),
  lifecycle: z.enum(Lifecycle),
  tier: z.int("must be a whole number").min(1, "must be 1 to 4").max(4, "must be 1 to 4"),
  tags: z
    .array(
      z
        .string()
        .max(40, "must be at most 40 characters")
        .regex(/^[a-z0-9][a-z0-9-]*$/, "tags are lower-case words joined by hyphens"),
    )
    .max(20, "at most 20 tags"),
  repositoryUrl: httpUrl.nullable(),
  links: z.array(z.object({ kind: z.enum(LinkKind), label: requiredText(60), url: httpUrl })).max(20, "at most 20 links"),
  otherOwners: z.array(slugSchema).max(10, "at most 10 other owners"),
  breakingChangePolicy: z.enum(BREAKING_POLICIES),
  /** When a deprecated service goes away (a day, UTC). */
  sunsetDate: z.iso.date("must be a date, YYYY-MM-DD").nullable(),
};

/** A sunset day as the database keeps it: midnight UTC. */
export const sunsetAt = (day: string | null | undefined) => (day === undefined ? undefined : day === null ? null : new Date(`${day}T00:00:00.000Z`));

const primaryNotAlsoOther = (input: { primaryOwner?: string; otherOwners?: string[] }) =>
  !input.primaryOwner || !input.otherOwners?.includes(input.primaryOwner);
const primaryNotAlsoOtherIssue = { message: "the primary owner cannot also be another owner", path: ["otherOwners"] };

/**
 * A service as the registration form and `POST /api/v1/services` give it. The same schema validates
 * the form in the browser and the request on the server.
 */
export const serviceInputSchema = z
  .object({
    slug: slugSchema,
    name: fields.name,
    description: fields.description.default(""),
    lifecycle: fields.lifecycle.default("experimental"),
    tier: fields.tier.default(3),
    tags: fields.tags.default([]),
    repositoryUrl: fields.repositoryUrl.optional(),
    links: fields.links.default([]),
    primaryOwner: slugSchema,
    otherOwners: fields.otherOwners.default([]),
    breakingChangePolicy: fields.breakingChangePolicy.default("warn"),
    sunsetDate: fields.sunsetDate.optional(),
    /** Where the portal fetches the service's API description from, at once and then on a schedule. */
    documentUrl: fetchableUrl.nullable().optional(),
  })
  .refine(primaryNotAlsoOther, primaryNotAlsoOtherIssue);

export type ServiceInput = z.input<typeof serviceInputSchema>;

/** A change to a service (`PATCH /api/v1/services/{slug}`): any subset of its fields. The slug never changes. */
export const serviceUpdateSchema = z.object(fields).partial().strict();

export type ServiceUpdate = z.input<typeof serviceUpdateSchema>;

/** Moving primary ownership to another team; the previous primary stays an owner unless told otherwise. */
export const serviceTransferSchema = z.object({ primaryOwner: slugSchema, keepPreviousOwner: z.boolean().default(true) }).strict();

export type ServiceTransfer = z.input<typeof serviceTransferSchema>;
