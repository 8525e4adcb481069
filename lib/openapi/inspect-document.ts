import { invalidDocument } from "./document-error";
import { escapePointerKey } from "./json-pointer";
import { SCHEMA_KEYWORDS } from "./mask-example-data";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { limitExceeded } from "@/lib/platform/limits/limit-error";

const shorten = (pointer: string) => (pointer.length > 120 ? `${pointer.slice(0, 120)}…` : pointer);

export interface DocumentShape {
  /** `$ref` values that point outside the document (other files or URLs), with where they are. */
  externalRefs: { ref: string; pointer: string }[];
  /** `$ref` values inside the document (`#/…`), with where they are. */
  localRefs: { ref: string; pointer: string }[];
  refCount: number;
  /**
   * Whether a key is `$id`, `$anchor`, `$dynamicAnchor` or `$dynamicRef`, or a `$ref` is not a string:
   * then the official schema's reference check needs its full resolution (check-local-refs.ts).
   */
  unusualRefs: boolean;
}

/** The error for more `$ref`s than the limit, in one document or across a bundle's files. */
export const tooManyRefs = (limits: Pick<IngestLimits, "maxRefs">) => limitExceeded("maxRefs", limits.maxRefs, "The number of $refs");

/**
 * Walks parsed data once, without recursion (so hostile nesting cannot exhaust the stack), enforcing
 * the depth limit and refusing `__proto__` keys, which would turn into prototype changes in any code
 * that later copies the data by assignment, and NUL characters, which PostgreSQL cannot store. Counts `$ref`s and lists the external ones.
 */
export function inspectDocument(data: unknown, limits: Pick<IngestLimits, "maxDepth" | "maxRefs">, refBudget = limits.maxRefs): DocumentShape {
  const externalRefs: DocumentShape["externalRefs"] = [];
  const localRefs: DocumentShape["localRefs"] = [];
  let refCount = 0;
  let unusualRefs = false;
  const stack: Visit[] = [{ node: data, depth: 1, parent: null, key: "" }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (node === null || typeof node !== "object") continue;
    if (depth > limits.maxDepth) throw limitExceeded("maxDepth", limits.maxDepth, `Nesting at ${shorten(pointerOf(visit)) || "/"}`);
    // `for…in`, not Object.keys: no array of keys for each of Stripe's 28,000 objects (the first walk of
    // it, cold, ~30 → ~18 ms). Parsed data inherits nothing enumerable.
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      // PostgreSQL text cannot hold U+0000; no API description needs it.
      if (key.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) {
        throw invalidDocument("The document contains a NUL character", [
          { message: "U+0000 is not allowed in keys or strings", pointer: `${pointerOf(visit)}/${escapePointerKey(key.replaceAll("\u0000", "\\u0000"))}` },
        ]);
      }
      if (key === "__proto__")
        throw invalidDocument("The document has a forbidden key", [
          { message: 'the key "__proto__" is not allowed', pointer: `${pointerOf(visit)}/__proto__` },
        ]);
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw invalidDocument("The document has a number JSON cannot hold", [
          { message: "the number is out of range", pointer: `${pointerOf(visit)}/${escapePointerKey(key)}` },
        ]);
      }
      if (key === "$ref" && typeof value === "string") {
        refCount += 1;
        if (refCount > refBudget) throw tooManyRefs(limits);
        (value.startsWith("#") ? localRefs : externalRefs).push({ ref: value, pointer: `${pointerOf(visit)}/$ref` });
      } else if (key.charCodeAt(0) === 36 /* "$": few keys start with it */ && key !== "$schema" && SCHEMA_KEYWORDS.has(key)) {
        // Another keyword the reference check resolves, or a `$ref` that is not a string (`$schema` it only deletes).
        unusualRefs = true;
      }
      if (value !== null && typeof value === "object") stack.push({ node: value, depth: depth + 1, parent: visit, key });
    }
  }
  return { externalRefs, localRefs, refCount, unusualRefs };
}

/** A node to look at, with the way to it: its pointer is written only when a reference or a problem needs it, not for every node. */
interface Visit {
  node: unknown;
  depth: number;
  parent: Visit | null;
  key: string;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(escapePointerKey(at.key));
  return keys.length ? `/${keys.reverse().join("/")}` : "";
}
