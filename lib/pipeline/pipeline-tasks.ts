import { diffDocuments } from "@/lib/diff/diff-documents";
import type { DiffResult } from "@/lib/diff/diff-types";
import { diffRead } from "@/lib/diff/diff-read";
import { readTextForDiff, refuseInvalid } from "@/lib/openapi/read-for-diff";
import { AppError, isAppError } from "@/lib/platform/errors";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fetchSource, type FetchOutcome } from "@/lib/openapi/fetch-document";
import { prepareDocument, prepareParsed } from "@/lib/openapi/prepare-document";
import { prepareReceived } from "@/lib/openapi/receive-document";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";
import { diffEventApis } from "@/lib/asyncapi/diff-event-apis";
import { prepareEventParsed, prepareEventReceived, refersToOtherFiles, type PreparedEventDocument } from "@/lib/asyncapi/prepare-event-document";
import { isAsyncApi } from "@/lib/asyncapi/is-async-api";
import { readAsyncApi } from "@/lib/asyncapi/read-asyncapi";
import { stringify } from "@asyncapi/parser";
import type { ClientFiles } from "@/lib/clients/client-files";
import type { ClientLanguage, ClientSource } from "@/lib/clients/client-manifest";
import { generateClient } from "@/lib/clients/generate-client";

/**
 * The CPU-heavy work of ingestion (parsing, bundling, validating, hashing, indexing), as tasks that
 * run the same in a worker thread or in the caller's thread. Arguments are plain data, so they cross
 * to a worker by structured clone.
 */
/** What a URL source served: unchanged, an HTTP contract, or an event API (AsyncAPI). */
export type SourceOutcome = FetchOutcome | { kind: "fetched-event"; prepared: PreparedEventDocument; etag: string | null; lastModified: string | null };

export interface PipelineTasks {
  /** Two stored documents (already through the pipeline) compared. */
  diffStored(args: { base: string; revision: string; reach?: boolean }): Promise<DiffResult>;
  /**
   * Two documents read leniently and compared: schema problems come back in `validity`, and refuse a
   * document only with `strict` (read-for-diff.ts).
   */
  diffTexts(args: { base: string; revision: string; limits: IngestLimits; strict?: boolean; reach?: boolean }): Promise<DiffResult>;
  prepareReceived(args: { body: Uint8Array; contentType: string; limits: IngestLimits }): Promise<PreparedDocument>;
  /** One JSON or YAML document already decoded (the demo, a template's contract, a Backstage import's definition). */
  prepareText(args: { text: string; limits: IngestLimits }): Promise<PreparedDocument>;
  /** An event API (AsyncAPI) pushed or uploaded, read by the AsyncAPI parser: its rules run here, never on the event loop. */
  prepareEventReceived(args: { body: Uint8Array; contentType: string; limits: IngestLimits }): Promise<PreparedEventDocument>;
  /** Two stored event API documents compared (diff-event-apis.ts). */
  diffEventStored(args: { base: string; revision: string; limits: IngestLimits }): Promise<DiffResult>;
  /** A stored event API document parsed and serialised as the AsyncAPI React component reads it (references resolved, cycles kept). */
  stringifyEventStored(args: { json: string; limits: IngestLimits }): Promise<string>;
  /** A typed client of a stored document (lib/clients): code generation from a published document stays off the event loop. */
  generateClient(args: { json: string; source: ClientSource; language: ClientLanguage }): Promise<ClientFiles>;
  fetchDocument(args: {
    url: string;
    allow: string | undefined;
    limits: IngestLimits;
    etag: string | null;
    lastModified: string | null;
  }): Promise<SourceOutcome>;
}

export const pipelineTasks: PipelineTasks = {
  diffStored: async ({ base, revision, reach }) =>
    diffDocuments(JSON.parse(base) as Record<string, unknown>, JSON.parse(revision) as Record<string, unknown>, { reach }),
  diffTexts: async ({ base, revision, limits, strict, reach }) => {
    const read = async (text: string, which: "base" | "revision") => {
      try {
        const document = await readTextForDiff(text, limits);
        return strict ? refuseInvalid(document) : document;
      } catch (error) {
        // Say which of the two documents is wrong.
        if (isAppError(error)) throw new AppError(error.code, `The ${which} document: ${error.message}`, error.details);
        throw error;
      }
    };
    const after = await read(revision, "revision");
    const result = diffRead(await read(base, "base"), after, { reach });
    const version = (after.document.info as { version?: unknown } | undefined)?.version;
    return reach ? { ...result, revisionVersion: typeof version === "string" ? version : String(version ?? "") } : result;
  },
  prepareReceived: ({ body, contentType, limits }) => prepareReceived(body, contentType, limits),
  prepareText: ({ text, limits }) => prepareDocument(text, limits),
  prepareEventReceived: ({ body, contentType, limits }) => prepareEventReceived(body, contentType, limits),
  diffEventStored: async ({ base, revision, limits }) => {
    const read = (json: string) => readAsyncApi(JSON.parse(json) as Record<string, unknown>, limits);
    return diffEventApis(await read(base), await read(revision));
  },
  stringifyEventStored: async ({ json, limits }) => {
    const read = await readAsyncApi(JSON.parse(json) as Record<string, unknown>, limits);
    // The parser's stringify indents; the same JSON without the spaces is a third smaller.
    return JSON.stringify(JSON.parse(stringify(read.parsed) ?? "null"));
  },
  generateClient: ({ json, source, language }) => generateClient(JSON.parse(json) as Record<string, unknown>, source, language),
  fetchDocument: async ({ url, allow, limits, etag, lastModified }) => {
    const fetched = await fetchSource(url, { policy: parseFetchPolicy(allow), limits, etag, lastModified });
    if (fetched.kind === "not-modified") return fetched;
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    // An event API is read by its own parser; joined only when it names other files (joining a single
    // AsyncAPI file would rewrite its operations' references to channel messages, which 3.0 forbids).
    if (isAsyncApi(fetched.root)) {
      const data = refersToOtherFiles(fetched.root) ? await fetched.bundle() : fetched.root;
      return { kind: "fetched-event", prepared: await prepareEventParsed(data, limits), ...validators };
    }
    return { kind: "fetched", prepared: await prepareParsed(await fetched.bundle()), ...validators };
  },
};

export type PipelineTask = keyof PipelineTasks;
