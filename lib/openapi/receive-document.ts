import { AppError } from "@/lib/platform/errors";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { decodeUtf8 } from "@/lib/openapi/parse-document";
import { bundleSchema, prepareBundle, type Bundle } from "@/lib/openapi/prepare-bundle";
import { prepareDocument, type PreparedDocument } from "@/lib/openapi/prepare-document";

/** The media type of a multi-file bundle: `{ "root": "openapi.yaml", "files": { "<path>": "<text>" } }`. */
export const BUNDLE_MEDIA_TYPE = "application/vnd.wayfinder.bundle+json";

/**
 * Runs a pushed or uploaded body through the pipeline: a bundle by its media type, anything else as
 * one JSON or YAML document (decoded as strict UTF-8).
 */
export async function prepareReceived(body: Uint8Array, contentType: string, limits: IngestLimits): Promise<PreparedDocument> {
  if (!body.byteLength) throw new AppError("BAD_REQUEST", "The body is empty: send the API description (JSON or YAML), or a bundle.");
  const text = decodeUtf8(body);
  if (isBundle(contentType)) return prepareBundle(parseBundleBody(text), limits);
  return prepareDocument(text, limits);
}

/** Whether a body's media type says it is a bundle of files. */
export const isBundle = (contentType: string) => contentType.toLowerCase().startsWith(BUNDLE_MEDIA_TYPE);

/** A bundle's body read: JSON of `{ root, files }`, each problem named. */
export function parseBundleBody(text: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalidDocument("The bundle is not valid JSON", [{ message: (error as Error).message }]);
  }
  const bundle = bundleSchema.safeParse(raw);
  if (!bundle.success)
    throw invalidDocument(
      "The bundle is malformed",
      bundle.error.issues.map((issue) => ({ message: issue.message, pointer: `/${issue.path.join("/")}` })),
    );
  return bundle.data;
}
