import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { invalidDocument } from "./document-error";

/** A scalar's size as JSON, as both YAML readers count it: a string with its quotes, `null` as its 4 letters. */
export const scalarJsonSize = (value: unknown) => (typeof value === "string" ? value.length + 2 : String(value).length);

/**
 * The size in bytes the YAML document would have as JSON once every alias is expanded, computed on the
 * parse tree without expanding anything. The yaml library's own `maxAliasCount` counts alias uses, not
 * what they expand to: 999 aliases of one 10,000-item list pass it and expand to 20 MB. This walks each
 * anchored node once (memoised) and stops as soon as the running total passes `limit`, so a bomb is
 * refused in time proportional to its source, not its expansion.
 */
export function yamlExpandedSize(doc: Document.Parsed, limit: number): number {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  // Anchors as met in document order (an alias names the latest anchor before it). The library's own
  // Alias.resolve searches the whole document each time: quadratic for a thousand aliases.
  const anchors = new Map<string, unknown>();

  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 4; // null
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size: number;
    if (!isAlias(node) && (node as { anchor?: string }).anchor) anchors.set((node as { anchor: string }).anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return 4;
      if (inProgress.has(target))
        throw invalidDocument("The document is not valid YAML", [
          { message: `alias *${node.source} refers to a node that contains it; JSON cannot hold a recursive structure` },
        ]);
      size = sizeOf(target);
    } else if (isScalar(node)) {
      size = scalarJsonSize(node.value);
    } else if (isMap(node) || isSeq(node)) {
      inProgress.add(node);
      size = 2;
      for (const item of node.items as unknown[]) {
        size += 1 + (isPair(item) ? sizeOf(item.key) + 1 + sizeOf(item.value) : sizeOf(item));
        if (size > limit) break;
      }
      inProgress.delete(node);
    } else {
      size = 4;
    }
    sizes.set(node, size);
    return size;
  };

  return sizeOf(doc.contents as Node | null);
}
