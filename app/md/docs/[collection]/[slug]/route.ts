import { handleApiRequest } from "@/lib/api/api-route";
import { collections, type Collection } from "@/lib/content/collections";
import { getDoc } from "@/lib/content/doc-entries";
import { notFound } from "@/lib/platform/errors";
import { markdownResponse } from "@/lib/machine-docs/markdown-response";

/** A pattern, ADR, onboarding step or guide as Markdown (the rewrite of `/docs/{collection}/{slug}.md`). */
export const GET = handleApiRequest<{ params: Promise<{ collection: string; slug: string }> }>(
  async (_request, context) => {
    const { collection, slug } = await context.params;
    if (!collections.includes(collection as Collection)) throw notFound(`Doc collection "${collection}"`);
    return markdownResponse(getDoc(collection as Collection, slug).markdown);
  },
  undefined,
  "/docs/{collection}/{slug}.md",
);
