import { convert } from "@asyncapi/converter";
import { Parser, type AsyncAPIDocumentInterface } from "@asyncapi/parser";
import { invalidDocument, type DocumentProblem } from "@/lib/openapi/document-error";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { extractEventApi, type EventApi } from "./extract-event-api";

/** The AsyncAPI versions read: 2.x as it is, 3.0 as it is; 1.x converted to 2.6.0 first. */
export type AsyncApiFormat = "asyncapi-2" | "asyncapi-3.0";

export interface AsyncApiRead {
  /** The document as stored: the input, or its conversion from 1.x. */
  document: Record<string, unknown>;
  format: AsyncApiFormat;
  /** The `asyncapi` field of the document as stored. */
  asyncapi: string;
  /** The version a 1.x document declared before it was converted. */
  convertedFrom?: string;
  api: EventApi;
  /** The parser's model of it (not serialisable: for comparing in this process). */
  parsed: AsyncAPIDocumentInterface;
}

const MAX_PROBLEMS = 20;

/**
 * The official parser, kept from reading anything: every `$ref` it meets must already be inside the
 * document (callers bundle first, with the portal's own readers and limits). Its default file and
 * HTTP readers would otherwise fetch whatever a document names (the Initiative's own ADEO example
 * names three URLs); these answer first, with nothing, and remember what was asked.
 */
function sealedParser(asked: string[]) {
  const refuse = (uri: { toString(): string }) => {
    asked.push(uri.toString());
    return "{}";
  };
  return new Parser({
    __unstable: { resolver: { cache: false, resolvers: ["file", "http", "https"].map((schema) => ({ schema, order: 1, read: refuse })) } },
  });
}

/**
 * Reads a self-contained AsyncAPI document: 1.x is converted to 2.6.0 (the converter's newest 2.x,
 * which every 1.x document maps to), then 2.x and 3.0 are validated by the AsyncAPI Initiative's
 * parser; its errors refuse the document, each named with its place. Channels, operations and
 * messages come back described the same way for both versions (extract-event-api.ts).
 */
export async function readAsyncApi(data: Record<string, unknown>, limits: Pick<IngestLimits, "maxDepth" | "maxRefs">): Promise<AsyncApiRead> {
  const declared = data.asyncapi;
  if (typeof declared !== "string" || !/^[123]\.\d+\.\d+(-.+)?$/.test(declared))
    throw invalidDocument("Unsupported AsyncAPI version", [
      { message: `asyncapi is ${JSON.stringify(declared)?.slice(0, 40)}; Wayfinder reads 1.x (converted), 2.x and 3.0`, pointer: "/asyncapi" },
    ]);
  const { externalRefs } = inspectDocument(data, limits);
  if (externalRefs[0])
    throw invalidDocument("The document refers to other files", [
      { message: `$ref "${externalRefs[0].ref}" points outside the document; give the files together (a bundle)`, pointer: externalRefs[0].pointer },
    ]);
  if (declared.startsWith("3.") && !declared.startsWith("3.0."))
    throw invalidDocument("Unsupported AsyncAPI version", [{ message: `asyncapi is "${declared}"; Wayfinder reads 3.0 (and 2.x, 1.x)`, pointer: "/asyncapi" }]);

  let document = data;
  let convertedFrom: string | undefined;
  if (declared.startsWith("1.")) {
    try {
      document = convert(structuredClone(data) as never, "2.6.0") as unknown as Record<string, unknown>;
    } catch (error) {
      throw invalidDocument(`The AsyncAPI ${declared} document cannot be converted to 2.6.0`, [{ message: (error as Error).message, pointer: "" }]);
    }
    convertedFrom = declared;
  }

  const asked: string[] = [];
  // The parser keeps what it is given as its own; the stored document stays as it was read.
  const { document: parsed, diagnostics } = await sealedParser(asked).parse(structuredClone(document) as never);
  if (asked.length)
    throw invalidDocument("The document refers to other files", [
      { message: `$ref "${asked[0]}" points outside the document; give the files together (a bundle)` },
    ]);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
  if (!parsed || errors.length) {
    const problems: DocumentProblem[] = [];
    const seen = new Set<string>();
    for (const error of errors) {
      const pointer = error.path.length ? `/${error.path.map((key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}` : "";
      const message = error.message.replace(/^"(\w+)" property /, "`$1` ");
      if (seen.has(`${pointer} ${message}`)) continue;
      seen.add(`${pointer} ${message}`);
      problems.push({ message, pointer });
      if (problems.length >= MAX_PROBLEMS) break;
    }
    throw invalidDocument(
      `The document is not a valid AsyncAPI ${String(document.asyncapi)} description`,
      problems.length ? problems : [{ message: "the AsyncAPI parser could not read it", pointer: "" }],
    );
  }
  const asyncapi = String(document.asyncapi);
  return {
    document,
    format: asyncapi.startsWith("3.") ? "asyncapi-3.0" : "asyncapi-2",
    asyncapi,
    convertedFrom,
    api: extractEventApi(parsed),
    parsed,
  };
}
