import { bundleDocument, finishBundle, finishChangesNothing, type ParsedFile } from "@/lib/openapi/bundle-document";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { joinBundle } from "@/lib/openapi/prepare-bundle";
import { readParsedForDiff, refuseInvalid, type DocumentForDiff } from "@/lib/openapi/read-for-diff";
import { collectParsedFiles } from "./collect-files";

/**
 * An API description for `wayfinder diff` and `check`: a local file (with the files its relative
 * `$ref`s reach, inside `root`) or an http(s) URL (with relative `$ref`s on the same origin), read as the
 * portal's diff reads it: leniently, with what the official schema finds returned beside it, or, with
 * `strict`, refused as publishing would refuse it.
 */
export async function readApi(source: string, limits: IngestLimits, root?: string, strict = false): Promise<DocumentForDiff> {
  return readJoinedApi(await joinedDocument(source, limits, root), limits, strict);
}

/** The same from data already joined (joinedDocument); with its shape only when that was inspected as it stands (one file read whole). */
export async function readJoinedApi(joined: ParsedFile, limits: IngestLimits, strict = false): Promise<DocumentForDiff> {
  const { data, shape } = finishedDocument(joined);
  const read = await readParsedForDiff(data, limits, shape);
  return strict ? refuseInvalid(read) : read;
}

/**
 * Joined data finished as bundling finishes a document (idempotent: a joined bundle is finished
 * already), with its shape when it was inspected as it stands: a file read whole that finishing would
 * not change is not walked again, to finish it or inspect it. For a file that is the whole document,
 * this is the document bundling it makes (test/integration/cli-read-corpus.test.ts), without the bundler.
 */
export function finishedDocument({ data, shape }: ParsedFile): ParsedFile {
  return shape && finishChangesNothing(shape) ? { data, shape } : { data: finishBundle(data) };
}

/**
 * What collectParsedFiles gathered, as one document finished as publishing's bundler finishes it: joined
 * by the bundler, or, when one file is the whole document, that file as diff and lint read it (the same
 * document, test/integration/cli-read-corpus.test.ts, without the bundler: ~170 ms of Stripe's), with
 * what inspecting it found.
 */
export async function finishedCollected({ bundle, parsed, whole }: Awaited<ReturnType<typeof collectParsedFiles>>, limits: IngestLimits): Promise<ParsedFile> {
  return whole === undefined ? { data: await joinBundle(bundle, limits, parsed) } : finishedDocument(parsed.get(bundle.root)!);
}

/**
 * A local file or URL with every file its relative `$ref`s reach, as one document. A single file
 * that refers to no other comes back as it was read: an AsyncAPI one must keep its `$ref`s as
 * written (3.0 requires an operation's message `$ref` to go through its channel, which bundling
 * would shorten, and the parser reads its own pointers).
 */
export async function joinedDocument(source: string, limits: IngestLimits, root?: string): Promise<ParsedFile> {
  if (/^https?:\/\//i.test(source)) {
    const rootUrl = new URL(source);
    const read = async (url: URL) => {
      const response = await fetch(url);
      if (!response.ok) throw invalidDocument(`Cannot read ${url.href}`, [{ message: `HTTP ${response.status}` }]);
      return response.text();
    };
    const data = await bundleDocument(
      rootUrl,
      async (fileUrl) => {
        if (fileUrl.origin !== rootUrl.origin)
          throw invalidDocument("A $ref points to another origin", [{ message: `"${fileUrl.href}" is not on ${rootUrl.origin}` }]);
        return read(fileUrl);
      },
      limits,
    );
    return { data };
  }
  const { bundle, parsed, whole } = await collectParsedFiles(source, limits, root);
  // A file that refers to no other is its own bundle, not parsed again (readJoinedApi finishes it as bundling would).
  return whole === undefined ? { data: await joinBundle(bundle, limits, parsed) } : parsed.get(bundle.root)!;
}
