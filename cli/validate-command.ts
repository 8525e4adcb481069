import { isAsyncApi } from "@/lib/asyncapi/is-async-api";
import type { AsyncApiRead } from "@/lib/asyncapi/read-asyncapi";
import { prepareParsed } from "@/lib/openapi/prepare-document";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { collectParsedFiles } from "./collect-files";
import { finishedCollected } from "./read-api";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** One line for an event API: its channels, operations by direction, messages, and a conversion if any. */
export function describeEventApi({ api, asyncapi, convertedFrom }: AsyncApiRead): string {
  const sends = api.operations.filter((operation) => operation.action === "send").length;
  const directions = `${sends} send, ${api.operations.length - sends} receive`;
  const converted = convertedFrom ? `, converted from AsyncAPI ${convertedFrom}` : "";
  return `asyncapi-${asyncapi}${converted}, ${plural(api.channels.length, "channel")}, ${plural(api.operations.length, "operation")} (${directions}), ${plural(api.messages.length, "message")}`;
}

/**
 * `wayfinder validate <file>`: offline, with the server's rules. An OpenAPI or Swagger document as
 * publishing reads it; an AsyncAPI one (1.x converted, 2.x, 3.0) by the AsyncAPI Initiative's parser.
 * Throws the document's problems; returns the line to print.
 */
export async function validateFile(file: string, limits: IngestLimits, root?: string): Promise<string> {
  const collected = await collectParsedFiles(file, limits, root);
  const { bundle, whole } = collected;
  const files = plural(Object.keys(bundle.files).length, "file");
  const validEventApi = async (data: Record<string, unknown>) => {
    const { readAsyncApi } = await import("@/lib/asyncapi/read-asyncapi");
    const read = await readAsyncApi(data, limits);
    return `valid: ${read.api.title || file} ${read.api.version} (${describeEventApi(read)}, ${files})`;
  };
  // Not through the bundler when one file is the whole document: it rewrites a `$ref` that passes
  // through another to the place it ends at, and AsyncAPI 3.0 requires an operation's message
  // `$ref` to go through its channel (streetlights' own would be refused).
  if (isAsyncApi(whole)) return validEventApi(whole);
  const { data: joined, shape } = await finishedCollected(collected, limits);
  if (isAsyncApi(joined)) return validEventApi(joined);
  const prepared = await prepareParsed(joined, shape);
  return `valid: ${prepared.title || file} ${prepared.version} (${prepared.format}, ${prepared.operations.length} operations, ${files})`;
}
