import { parseDocument as parseYamlDocument } from "yaml";
import { invalidDocument } from "./document-error";
import { defaultIngestLimits, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { limitExceeded } from "@/lib/platform/limits/limit-error";
import { yamlExpandedSize } from "./yaml-expanded-size";
import { parseYamlFast } from "./parse-yaml-fast";

export type ParseLimits = Pick<IngestLimits, "maxYamlAliases" | "maxBytes"> & Partial<Pick<IngestLimits, "maxYamlExpansion">>;

/** Below this expanded size, aliases may multiply a document as they like: small documents stay cheap. */
const EXPANSION_FLOOR_BYTES = 1024 * 1024;

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Deep nesting overflows the parsers' stacks; that is a limit, not a crash. */
function guardStack<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw invalidDocument("The document is nested too deeply to read", [
        { message: "nesting exceeds what the parser can follow (see WAYFINDER_MAX_DOCUMENT_DEPTH)" },
      ]);
    }
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return guardStack(() => JSON.parse(text));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const position = /position (\d+)/.exec(error.message);
    const where = position?.[1] ? lineAndColumn(text, Number(position[1])) : {};
    throw invalidDocument("The document is not valid JSON", [{ message: error.message, ...where }]);
  }
}

const exceedsExpansion = (expanded: number, text: string, limits: ParseLimits) =>
  expanded > EXPANSION_FLOOR_BYTES && expanded > text.length * (limits.maxYamlExpansion ?? defaultIngestLimits.maxYamlExpansion);
/** Past either size limit, the yaml library reads the document again and decides, naming the limit. */
const exceedsSizeLimits = (expanded: number, text: string, limits: ParseLimits) => expanded > limits.maxBytes || exceedsExpansion(expanded, text, limits);

/**
 * YAML 1.2 core schema: no timestamps or other types JSON cannot hold, and unknown tags
 * (`!!python/object`, …) stay plain data with a warning instead of constructing anything.
 */
export const YAML_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: true } as const;

function parseYaml(text: string, limits: ParseLimits): unknown {
  const fast = parseYamlFast(text);
  if (fast && !exceedsSizeLimits(fast.size, text, limits)) return fast.data;
  const doc = guardStack(() => parseYamlDocument(text, YAML_OPTIONS));
  if (doc.errors.some((error) => /call stack/i.test(error.message))) {
    throw invalidDocument("The document is nested too deeply to read", [
      { message: "nesting exceeds what the parser can follow (see WAYFINDER_MAX_DOCUMENT_DEPTH)" },
    ]);
  }
  if (doc.errors.length) {
    throw invalidDocument(
      "The document is not valid YAML",
      doc.errors.map((error) => ({
        // The library appends the position to its message; we keep it in its own fields instead.
        message: (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ""),
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
      })),
    );
  }
  // Aliases can make a small text expand to gigabytes; bound what it would become before building it:
  // by the document size limit, and by how many times larger than its text it may grow.
  const expanded = guardStack(() => yamlExpandedSize(doc, limits.maxBytes));
  if (expanded > limits.maxBytes) throw limitExceeded("maxBytes", limits.maxBytes, "The document's size with its YAML aliases expanded");
  const maxExpansion = limits.maxYamlExpansion ?? defaultIngestLimits.maxYamlExpansion;
  if (exceedsExpansion(expanded, text, limits)) {
    throw limitExceeded(
      "maxYamlExpansion",
      maxExpansion,
      `YAML alias expansion (${Math.round(expanded / text.length).toLocaleString("en")} times the text's ${text.length.toLocaleString("en")} characters)`,
    );
  }
  try {
    return guardStack(() => doc.toJS({ maxAliasCount: limits.maxYamlAliases }));
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test((error as Error).message)) {
      throw limitExceeded("maxYamlAliases", limits.maxYamlAliases, "YAML alias expansion");
    }
    if (error instanceof Error && error.name === "AppError") throw error;
    throw invalidDocument("The document is not valid YAML", [{ message: (error as Error).message }]);
  }
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Decodes bytes as UTF-8, refusing invalid sequences (never replacing them silently). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw invalidDocument("The document is not valid UTF-8", [{ message: `invalid byte sequence at byte ${Math.max(offset, 0)}` }]);
  }
}

/** Parses an API description written as JSON or YAML into plain data, within the limits. */
export function parseDocumentText(text: string, limits: ParseLimits = defaultIngestLimits): unknown {
  if (text.length > limits.maxBytes || Buffer.byteLength(text) > limits.maxBytes)
    throw limitExceeded("maxBytes", limits.maxBytes, "The document's size in bytes");
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw invalidDocument("The document is empty");
  return /^\s*[{[]/.test(body) ? parseJson(body) : parseYaml(body, limits);
}
