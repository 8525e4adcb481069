import { isPlainObject } from "@/lib/openapi/detect-format";

/**
 * Whether parsed data declares itself AsyncAPI (an `asyncapi` field at the top). Apart from
 * read-asyncapi.ts so that telling the two kinds of document apart never loads AsyncAPI's parser.
 */
export function isAsyncApi(data: unknown): data is Record<string, unknown> {
  return isPlainObject(data) && data.asyncapi !== undefined;
}
