import { handleApiRequest } from "@/lib/api/api-route";
import { operationMarkdown } from "@/lib/machine-docs/operation-markdown";
import { serviceMarkdown } from "@/lib/machine-docs/service-markdown";
import { httpMethods, type HttpMethod } from "@/lib/openapi/extract-operations";
import { getDb } from "@/lib/platform/db/database";
import { publicUrl } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { markdownResponse } from "@/lib/machine-docs/markdown-response";

/** A service's page as Markdown, or with `version`, `method` and `path` one of its operations (the rewrite of `/services/{slug}.md`). */
export const GET = handleApiRequest<{ params: Promise<{ slug: string }> }>(
  async (request, context, actor) => {
    const { slug } = await context.params;
    const query = new URL(request.url).searchParams;
    const [version, method, path] = [query.get("version"), query.get("method")?.toLowerCase(), query.get("path")];
    const origin = publicUrl().origin;
    if (version === null && method === undefined && path === null) return markdownResponse(await serviceMarkdown(await getDb(), actor, slug, origin));
    if (!version || !path || !httpMethods.includes(method as HttpMethod))
      throw new AppError("BAD_REQUEST", "An operation's Markdown needs version, method (get, post, …) and path, e.g. ?version=1.0.0&method=get&path=/pets.");
    return markdownResponse(await operationMarkdown(await getDb(), actor, { serviceSlug: slug, version, method: method as HttpMethod, path, origin }));
  },
  undefined,
  "/services/{slug}.md",
);
