import { parseDocument as parseYamlDocument } from "yaml";
import { invalidDocument } from "./document-error";

export interface ParseLimits {
  /** How many times YAML aliases may be expanded in total (guards against alias bombs). */
  maxAliasCount: number;
}

export const defaultParseLimits: ParseLimits = { maxAliasCount: 1000 };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position?.[1] ? lineAndColumn(text, Number(position[1])) : {};
    throw invalidDocument("The document is not valid JSON", [{ message, ...where }]);
  }
}

function parseYaml(text: string, limits: ParseLimits): unknown {
  // YAML 1.2 core schema: no timestamps or other types JSON cannot hold, and unknown tags
  // (`!!python/object`, …) stay plain data with a warning instead of constructing anything.
  const doc = parseYamlDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: true });
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
  try {
    return doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    throw invalidDocument("The document is not valid YAML", [{ message: (error as Error).message }]);
  }
}

/** Parses an API description written as JSON or YAML into plain data. */
export function parseDocumentText(text: string, limits: ParseLimits = defaultParseLimits): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw invalidDocument("The document is empty");
  return /^\s*[{[]/.test(body) ? parseJson(body) : parseYaml(body, limits);
}
