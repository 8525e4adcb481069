import { isPlainObject } from "@/lib/openapi/detect-format";
import { inlineRefs } from "@/lib/openapi/inline-refs";
import { resolvePointer } from "@/lib/openapi/json-pointer";

export interface MessageExampleView {
  name: string | null;
  summary: string | null;
  payload: unknown;
}

export interface MessageView {
  /** The payload schema with the document's references expanded (deep or circular ones named, not expanded). */
  payload: unknown;
  examples: MessageExampleView[];
}

/** What a page shows of a message: its payload schema, references expanded, and its examples. */
const BUDGET = 40_000;

/**
 * A message of a stored AsyncAPI document (at `pointer`) as a reader needs it: the payload schema
 * with `$ref`s expanded as far as stays within about 40,000 characters (the rest named, as the HTTP
 * reference names them), and each example's name, summary and payload. Null when nothing is there.
 */
export function messageView(document: Record<string, unknown>, pointer: string): MessageView | null {
  const message = inlineRefs(document, resolvePointer(document, `#${pointer}`), { budget: BUDGET }).value;
  if (!isPlainObject(message)) return null;
  const examples = Array.isArray(message.examples)
    ? message.examples.filter(isPlainObject).map((example) => ({
        name: typeof example.name === "string" ? example.name : null,
        summary: typeof example.summary === "string" ? example.summary : null,
        payload: example.payload,
      }))
    : [];
  return { payload: message.payload ?? null, examples };
}
