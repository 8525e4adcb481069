import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";
import { scalarJsonSize } from "./yaml-expanded-size";

/**
 * js-yaml reads real documents about ten times faster than the yaml library (DigitalOcean's 2,907
 * files: ~80 against ~800 ms), but the yaml library is what reports a problem by line and column and
 * measures what aliases expand to on its parse tree. So documents are read here first, and only those
 * this reads exactly as the library would come back: with no anchor or alias, no directive, no warning
 * and no error of any kind. Everything else returns undefined and is read by the library, as before.
 */

/** YAML 1.2's core schema, with the yaml library's own patterns and values (its `schema: "core"`). */
const nullType = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
});
const boolType = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === "t" || data[0] === "T",
});
const intType = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(data),
  construct: (data: string) =>
    data.startsWith("0o") ? parseInt(data.substring(2), 8) : data.startsWith("0x") ? parseInt(data.substring(2), 16) : parseInt(data, 10),
});
const floatType = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string | null) =>
    data !== null &&
    (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(data)),
  construct: (data: string) =>
    data.slice(-3).toLowerCase() === "nan" ? NaN : data.slice(-3).toLowerCase() === "inf" ? (data[0] === "-" ? -Infinity : Infinity) : parseFloat(data),
});
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** Where an implicit key can start: a line's start (after indentation and sequence dashes), or after `{`, `[` or `,` in a flow collection; then an optional tag. */
const COLLECTION_KEY = String.raw`(?:![^\s,[\]{}]*[ \t]+)?[[{]`;
const LINE_KEY = new RegExp(String.raw`^[ \t]*(?:-[ \t]+)*` + COLLECTION_KEY);
const FLOW_KEY = new RegExp(String.raw`[[{,][ \t]*` + COLLECTION_KEY);

/**
 * Whether a flow collection may be used as a key somewhere (`[a, b]: c`, `x: {{a: 1}: b}`): each parser
 * writes such a key out differently. A line that ends a key with `]` or `}` is looked at for a key that
 * starts with `[` or `{`, so a path such as `/v2/apps/{id}:` (DigitalOcean's root file, 112 KB, which
 * the library reads ten times slower) does not count. Each line is looked at once and the patterns
 * cannot backtrack far (a tag stops at a flow indicator), so a hostile single line stays linear.
 */
function mayHaveCollectionKey(text: string): boolean {
  const keyEnd = /[\]}][ \t]*:(?:\s|$)/g;
  for (let match = keyEnd.exec(text); match; match = keyEnd.exec(text)) {
    const start = text.lastIndexOf("\n", match.index) + 1;
    const newline = text.indexOf("\n", match.index);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (LINE_KEY.test(line) || FLOW_KEY.test(line)) return true;
    keyEnd.lastIndex = end;
  }
  return false;
}

/** The parse state js-yaml hands its listener; `anchorMap` holds every anchor defined so far. */
interface ListenedState {
  anchorMap?: unknown;
}

/**
 * The document read by js-yaml when that is certainly what the yaml library would read, else undefined;
 * with its size as JSON, counted as yamlExpandedSize counts it (never less than the library's count:
 * a key such as `200` counts its quotes here), so the caller applies the same size limits.
 * Aliases are what those limits guard against, so a document with any anchor is left to the library;
 * should js-yaml ever stop exposing its anchors, every document is (slower, never less safe).
 */
export function parseYamlFast(text: string): { data: unknown; size: number } | undefined {
  // A directive (`%YAML 1.1`) would change the schema; the library honours it. A collection as a key
  // (`[a, b]: c`, `? …`) is written out differently by each; JSON has no such keys anyway.
  if (/^%/m.test(text) || /^[ \t-]*\?(?:\s|$)/m.test(text) || mayHaveCollectionKey(text)) return undefined;
  let state: ListenedState | undefined;
  let warned = false;
  let data: unknown;
  try {
    data = load(text, {
      schema: CORE_SCHEMA,
      onWarning: () => {
        warned = true;
      },
      listener(_event, parseState) {
        state = parseState as ListenedState;
      },
    });
  } catch {
    return undefined;
  }
  if (warned || !state || state.anchorMap === null || typeof state.anchorMap !== "object" || Object.keys(state.anchorMap).length) return undefined;
  // A document of comments only: the library reads null.
  if (data === undefined) return { data: null, size: 4 };
  const size = sizeUnlessNullKey(data);
  return size === undefined ? undefined : { data, size };
}

/**
 * The size as yamlExpandedSize counts it, or undefined at a key named "null": the library reads a null
 * key (`~: a`) as "", js-yaml as "null", which a quoted "null" key also is.
 */
function sizeUnlessNullKey(data: unknown): number | undefined {
  let size = 0;
  const stack = [data];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") {
      size += scalarJsonSize(node);
      continue;
    }
    size += 2;
    if (Array.isArray(node)) {
      size += node.length;
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === "null") return undefined;
      size += key.length + 4;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return size;
}
