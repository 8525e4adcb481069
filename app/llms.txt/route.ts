import { handleApiRequest } from "@/lib/api/api-route";
import { listDocs } from "@/lib/content/doc-entries";
import { listCatalogueEntries } from "@/lib/machine-docs/catalogue-entries";
import { llmsTxt } from "@/lib/machine-docs/llms-txt";
import { markdownResponse } from "@/lib/machine-docs/markdown-response";
import { getDb } from "@/lib/platform/db/database";
import { publicUrl } from "@/lib/platform/env";

/** The portal as an llms.txt index (llmstxt.org), as the reader may see it. */
export const GET = handleApiRequest(
  async (_request, _context, actor) => {
    const origin = publicUrl().origin;
    return markdownResponse(llmsTxt(origin, await listCatalogueEntries(await getDb(), actor), listDocs()));
  },
  undefined,
  "/llms.txt",
);
