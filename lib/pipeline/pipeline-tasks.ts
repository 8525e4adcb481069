import { parseFetchPolicy } from "@/lib/fetch/fetch-policy";
import type { IngestLimits } from "@/lib/openapi/ingest-limits";
import { fetchDocument, type FetchOutcome } from "@/lib/sources/fetch-document";
import { prepareReceived } from "@/lib/versions/receive-document";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";

/**
 * The CPU-heavy work of ingestion (parsing, bundling, validating, hashing, indexing), as tasks that
 * run the same in a worker thread or in the caller's thread. Arguments are plain data, so they cross
 * to a worker by structured clone.
 */
export interface PipelineTasks {
  prepareReceived(args: { body: Uint8Array; contentType: string; limits: IngestLimits }): Promise<PreparedDocument>;
  fetchDocument(args: {
    url: string;
    allow: string | undefined;
    limits: IngestLimits;
    etag: string | null;
    lastModified: string | null;
  }): Promise<FetchOutcome>;
}

export const pipelineTasks: PipelineTasks = {
  prepareReceived: ({ body, contentType, limits }) => prepareReceived(body, contentType, limits),
  fetchDocument: ({ url, allow, limits, etag, lastModified }) => fetchDocument(url, { policy: parseFetchPolicy(allow), limits, etag, lastModified }),
};

export type PipelineTask = keyof PipelineTasks;
