import { z } from "zod";
import { slugSchema } from "@/lib/slug";

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

/** ADR statuses, as MADR names them. */
export const adrStatuses = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;

/** Frontmatter of each collection under content/: the one place its fields are defined. */
export const frontmatterSchemas = {
  patterns: z.object({
    title: z.string().min(1),
    summary: z.string().min(1),
    order: z.number().int(),
    tags: z.array(z.string()).default([]),
    /** Demo services that follow the pattern. */
    services: z.array(slugSchema).default([]),
    /** ADRs behind it, by slug. */
    adrs: z.array(slugSchema).default([]),
  }).strict(),
  adr: z.object({
    number: z.number().int().positive(),
    title: z.string().min(1),
    status: z.enum(adrStatuses),
    date: isoDate,
    deciders: z.array(z.string().min(1)).min(1, "must name at least one decider"),
    supersedes: slugSchema.optional(),
    "superseded-by": slugSchema.optional(),
  }).strict(),
  onboarding: z.object({
    title: z.string().min(1),
    step: z.number().int().positive(),
    summary: z.string().min(1),
    checklist: z.array(z.object({ id: slugSchema, label: z.string().min(1) }).strict()).min(1, "must have at least one item"),
  }).strict(),
  guides: z.object({ title: z.string().min(1), summary: z.string().min(1) }).strict(),
} as const;

export type Collection = keyof typeof frontmatterSchemas;
export const collections = Object.keys(frontmatterSchemas) as Collection[];
export type Frontmatter<C extends Collection> = z.infer<(typeof frontmatterSchemas)[C]>;

/** Where an entry is read on the portal. */
export function entryUrl(collection: Collection, slug: string): string {
  return collection === "onboarding" ? `/docs/onboarding#${slug}` : `/docs/${collection}/${slug}`;
}

export const collectionTitles: Record<Collection, string> = { patterns: "Patterns", adr: "Decisions (ADRs)", onboarding: "Onboarding", guides: "Guides" };
