import { z } from "zod";
import { invalidDocument } from "./document-error";
import { bundleDocument, type ParsedFile } from "./bundle-document";
import { BUNDLE_ORIGIN, bundleReader, normaliseBundlePath } from "./bundle-files";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { limitExceeded } from "@/lib/platform/limits/limit-error";
import { prepareParsed, type PreparedDocument } from "./prepare-document";

/** A multi-file document as pushed from CI: the root file's path and every file by relative path. */
export const bundleSchema = z.object({
  root: z.string().min(1, "is required"),
  files: z.record(z.string(), z.string()),
});

export type Bundle = z.infer<typeof bundleSchema>;

/** The pipeline for a bundle: join its files by their relative `$ref`s, then as for one document. */
export async function prepareBundle(bundle: Bundle, limits: IngestLimits): Promise<PreparedDocument> {
  return prepareParsed(await joinBundle(bundle, limits));
}

/** A bundle's files joined into one self-contained document by their relative `$ref`s (not validated). */
export async function joinBundle(bundle: Bundle, limits: IngestLimits, parsed?: Map<string, ParsedFile>): Promise<unknown> {
  const entries = Object.entries(bundle.files);
  if (entries.length > limits.maxFiles) throw limitExceeded("maxFiles", limits.maxFiles, "The number of files");
  const files = new Map(entries.map(([path, text]) => [normaliseBundlePath(path), text]));
  const root = normaliseBundlePath(bundle.root);
  if (!files.has(root)) throw invalidDocument("The bundle's root file is missing", [{ message: `"${bundle.root}" is not among the bundle's files` }]);
  // Files the caller has parsed and inspected already (the CLI, which read them to follow their $refs) are not parsed or walked again.
  const known = parsed && new Map([...parsed].map(([path, data]) => [normaliseBundlePath(path), data]));
  const parsedAlready = known && ((url: string) => known.get(decodeURIComponent(new URL(url).pathname.slice(1))));
  return bundleDocument(new URL(`${BUNDLE_ORIGIN}/${root}`), bundleReader(files), limits, parsedAlready);
}
