import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from "yaml";
import { AppError } from "@/lib/platform/errors";

/**
 * Called for a key of the fragment the document has already, at a depth where the fragment is not
 * merged further: throw to refuse the merge, return to keep the document's own.
 */
export type OnExisting = (path: string[]) => void;

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

function parse(text: string, what: string): Document {
  const document = parseDocument(text, { keepSourceTokens: true });
  if (document.errors.length) throw new AppError("INVALID_DOCUMENT", `The ${what} is not valid YAML: ${document.errors[0]!.message}`);
  if (!isMap(document.contents)) throw new AppError("INVALID_DOCUMENT", `The ${what} is not a mapping.`);
  return document;
}

/** The source text of one `key: value` pair, whole lines, with its indentation removed. */
function pairText(text: string, pair: Pair): string {
  const start = (pair.key as { range: [number, number, number] }).range[0];
  const end = (pair.value as { range: [number, number, number] }).range[1];
  const from = lineStart(text, start);
  const column = start - from;
  return text
    .slice(from, end)
    .replace(/\s+$/, "")
    .split("\n")
    .map((line) => line.slice(Math.min(column, line.length - line.trimStart().length)))
    .join("\n");
}

/** Inserts `block` (unindented lines) as the last entry of the block map `map` in `text`. */
function appendToMap(text: string, map: YAMLMap, block: string, fallbackColumn: number): string {
  const first = map.items[0];
  const column = first ? (first.key as { range: [number] }).range[0] - lineStart(text, (first.key as { range: [number] }).range[0]) : fallbackColumn;
  let at = (map as unknown as { range: [number, number, number] }).range[1];
  if (at > 0 && text[at - 1] !== "\n") {
    const newline = text.indexOf("\n", at);
    at = newline === -1 ? text.length : newline + 1;
  }
  const prefix = at === text.length && !text.endsWith("\n") ? "\n" : "";
  const indented = block
    .split("\n")
    .map((line) => (line ? " ".repeat(column) + line : line))
    .join("\n");
  return `${text.slice(0, at)}${prefix}${indented}\n${text.slice(at)}`;
}

function findMissing(document: Document, fragment: Document, onExisting: OnExisting, added: string[][]): { path: string[]; pair: Pair } | null {
  const isAdded = (here: string[]) => added.some((path) => path.length <= here.length && path.every((key, i) => here[i] === key));
  const walk = (target: YAMLMap, source: YAMLMap, path: string[]): { path: string[]; pair: Pair } | null => {
    for (const pair of source.items) {
      const here = [...path, keyOf(pair)];
      const existing = target.get(keyOf(pair), true);
      if (existing === undefined) return { path, pair };
      if (isAdded(here)) continue;
      if (here.length < 3 && isMap(existing) && isMap(pair.value)) {
        const found = walk(existing, pair.value, here);
        if (found) return found;
      } else onExisting(here);
    }
    return null;
  };
  return walk(document.contents as YAMLMap, fragment.contents as YAMLMap, []);
}

/**
 * Merges a YAML fragment into a YAML document by editing its text: each key the document lacks is
 * inserted as the fragment wrote it (re-indented) at the end of the mapping it belongs to, so the
 * document's comments, order, quoting and flow style stay exactly as they were. Maps are merged up to
 * three levels deep (paths → path → method, components → section → name); a key present at that
 * depth is kept or refused as `onExisting` decides. Documents in flow style (JSON) are edited through
 * the YAML document model instead, since they have no comments to keep.
 */
export function mergeYamlText(text: string, fragmentText: string, onExisting: OnExisting): { text: string; added: string[][] } {
  const fragment = parse(fragmentText, "fragment");
  let current = text;
  const added: string[][] = [];
  for (;;) {
    const document = parse(current, "OpenAPI document");
    const missing = findMissing(document, fragment, onExisting, added);
    if (!missing) return { text: current, added };
    let target = document.contents as YAMLMap;
    for (const key of missing.path) target = target.get(key, true) as unknown as YAMLMap;
    if (target.flow || !(target as unknown as { range?: unknown }).range) {
      document.setIn([...missing.path, keyOf(missing.pair)], document.createNode(fragment.getIn([...missing.path, keyOf(missing.pair)])));
      current = document.toString({ lineWidth: 0 });
    } else {
      current = appendToMap(current, target, pairText(fragmentText, missing.pair), missing.path.length * 2);
    }
    added.push([...missing.path, keyOf(missing.pair)]);
  }
}
