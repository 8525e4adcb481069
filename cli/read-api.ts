import { bundleDocument } from "@/lib/openapi/bundle-document";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { prepareParsed } from "@/lib/openapi/prepare-document";
import { collectFiles } from "./collect-files";

/**
 * An API description for `wayfinder diff` and `check`: a local file (with the files its relative
 * `$ref`s reach, inside `root`) or an http(s) URL (with relative `$ref`s on the same origin), through the
 * portal's own pipeline, so an invalid document is refused exactly as the portal would refuse it.
 */
export async function readApi(source: string, limits: IngestLimits, root?: string): Promise<Record<string, unknown>> {
  if (/^https?:\/\//i.test(source)) {
    const rootUrl = new URL(source);
    const read = async (url: URL) => {
      const response = await fetch(url);
      if (!response.ok) throw invalidDocument(`Cannot read ${url.href}`, [{ message: `HTTP ${response.status}` }]);
      return response.text();
    };
    const document = await bundleDocument(
      rootUrl,
      async (fileUrl) => {
        if (fileUrl.origin !== rootUrl.origin)
          throw invalidDocument("A $ref points to another origin", [{ message: `"${fileUrl.href}" is not on ${rootUrl.origin}` }]);
        return read(fileUrl);
      },
      limits,
    );
    return JSON.parse((await prepareParsed(document)).json) as Record<string, unknown>;
  }
  return JSON.parse((await prepareBundle(await collectFiles(source, limits, root), limits)).json) as Record<string, unknown>;
}
