import { z } from "zod";
import { json, error, type Operation } from "../operation-parts";

/** The content collections (lib/content/collections.ts, above this layer; app/api/v1/docs checks the two agree). */
export const docCollections = ["patterns", "adr", "onboarding", "guides"] as const;

const docEntrySchema = z.object({
  collection: z.enum(docCollections),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  url: z.string().meta({ description: "Where the portal shows it." }),
  markdownUrl: z.string().meta({ description: "The same page as Markdown." }),
});

/** The portal's docs (patterns, ADRs, onboarding, guides) for programs: listed, and each as Markdown. */
export const docOperations = {
  listDocs: {
    method: "get",
    path: "/docs",
    tags: ["Docs"],
    summary: "List the docs",
    description: "Every pattern, ADR, onboarding step and guide, in each collection's reading order.",
    access: "read",
    responses: { 200: json("The docs.", z.object({ items: z.array(docEntrySchema) })) },
  },
  getDoc: {
    method: "get",
    path: "/docs/{collection}/{slug}",
    tags: ["Docs"],
    summary: "Get a doc as Markdown",
    description: "One doc with its source text (MDX: Markdown, with the portal's few components left as tags).",
    access: "read",
    params: z.object({ collection: z.enum(docCollections), slug: z.string().max(200) }),
    responses: { 200: json("The doc.", docEntrySchema.extend({ markdown: z.string() })), 404: error("No such doc.") },
  },
} as const satisfies Record<string, Operation>;
