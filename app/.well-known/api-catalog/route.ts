import { handleApiRequest } from "@/lib/api/api-route";
import { API_CATALOG_TYPE, apiCatalog } from "@/lib/machine-docs/api-catalog";
import { listCatalogueEntries } from "@/lib/machine-docs/catalogue-entries";
import { getDb } from "@/lib/platform/db/database";
import { publicUrl } from "@/lib/platform/env";

/** RFC 9727: every API's contract as a linkset; HEAD answers with the link relation alone (RFC 9727 §2). */
export const GET = handleApiRequest(
  async (request, _context, actor) => {
    const origin = publicUrl().origin;
    const headers = { "Content-Type": API_CATALOG_TYPE, "Cache-Control": "no-cache", Link: `<${origin}/.well-known/api-catalog>; rel="api-catalog"` };
    if (request.method === "HEAD") return new Response(null, { headers });
    return new Response(JSON.stringify(apiCatalog(origin, await listCatalogueEntries(await getDb(), actor))), { headers });
  },
  undefined,
  "/.well-known/api-catalog",
);
export const HEAD = GET;
