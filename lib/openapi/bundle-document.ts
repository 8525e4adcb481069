import { isAppError } from "@/lib/platform/errors";
import { invalidDocument } from "./document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { inspectDocument, tooManyRefs, type DocumentShape } from "./inspect-document";
import { limitExceeded } from "@/lib/platform/limits/limit-error";
import { parseDocumentText } from "./parse-document";
import { encodeLocalRef, pointerKeys } from "./json-pointer";
import { findMappingRefs, markMappingRefs, mayHoldMappings, restoreMappingRefs, type MappingRef } from "./mapping-refs";

/**
 * Reads one file of a multi-file document by its absolute URL. Each source decides what may be read:
 * a pushed bundle only its own files, a URL source only its own origin. Nothing else is reachable:
 * the library's own file and http resolvers are switched off.
 */
export type ReadFile = (url: URL) => Promise<string>;

/** A file its caller has parsed already; with what inspectDocument found in it, when it inspected it too (with the same limits). */
export interface ParsedFile {
  data: unknown;
  shape?: DocumentShape;
}

/**
 * Joins a document split across files by relative `$ref`s into one, keeping internal references
 * (so recursive schemas stay finite). Every file goes through the same parser and limits as a single
 * document; the files, their bytes and their `$ref`s are counted against the limits.
 */
export async function bundleDocument(
  rootUrl: URL,
  read: ReadFile,
  limits: IngestLimits,
  parsedAlready?: (url: string) => ParsedFile | undefined,
): Promise<unknown> {
  let files = 0;
  let bytes = 0;
  let refs = 0;
  // The library rewraps what resolvers and parsers throw (and sometimes drops the message); keep the
  // first error of ours to report it as it was.
  let firstError: unknown;
  const remember = <T>(work: () => T | Promise<T>) =>
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => {
        firstError ??= error;
        throw error;
      });
  // Each file read once: a mapping's target is read ahead (below), and the library reads it again.
  const texts = new Map<string, Promise<string>>();
  const readOnce = (url: URL): Promise<string> => {
    const key = url.href.replace(/#.*$/, "");
    let text = texts.get(key);
    if (!text) {
      files += 1;
      if (files > limits.maxFiles) throw limitExceeded("maxFiles", limits.maxFiles, "The number of files");
      text = read(new URL(key));
      text.catch(() => undefined);
      texts.set(key, text);
    }
    return text;
  };
  const mappingRefs: MappingRef[] = [];
  /** A mapping reference whose file cannot be read stays as written, as mappings were before they were joined. */
  const readable = async (entry: MappingRef, fileUrl: string) => {
    if (entry.written.startsWith("#")) return true;
    try {
      await readOnce(new URL(entry.written, fileUrl));
      return true;
    } catch (error) {
      // A limit is a limit; only a file that is not there, or not allowed, leaves the mapping as written.
      if (isAppError(error) && error.code === "PAYLOAD_TOO_LARGE") throw error;
      return false;
    }
  };
  const parseFile = async (file: { url: string; data: string | Buffer }) => {
    const text = typeof file.data === "string" ? file.data : file.data.toString("utf8");
    bytes += Buffer.byteLength(text);
    if (bytes > limits.maxBytes) throw limitExceeded("maxBytes", limits.maxBytes, "The bundle's size in bytes");
    const known = parsedAlready?.(file.url);
    const data = known ? known.data : parseDocumentText(text, limits);
    const counted = known?.shape?.refCount;
    if (mayHoldMappings(text)) {
      // Their files read ahead together (a URL source fetches them at once, not one by one).
      const found = findMappingRefs(data, file.url === rootUrl.href);
      const usable = await Promise.all(found.map((entry) => readable(entry, file.url)));
      mappingRefs.push(...markMappingRefs(found.filter((_, index) => usable[index])));
    }
    // A file inspected already is not walked again (DigitalOcean: 2,907 files): its count joins the total.
    if (counted === undefined) refs += inspectDocument(data, limits, limits.maxRefs - refs).refCount;
    else if ((refs += counted) > limits.maxRefs) throw tooManyRefs(limits);
    return data;
  };
  const parser = { order: 1, allowEmpty: false, canParse: true, parse: (file: { url: string; data: string | Buffer }) => remember(() => parseFile(file)) };
  const resolver = {
    order: 1,
    canRead: true,
    read(file: { url: string }) {
      return remember(() => readOnce(new URL(file.url)));
    },
  };
  try {
    // Loaded only to join files: a command given one file that refers to no other (diff, lint, check, validate, publish) never parses it.
    const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
    const bundled = await $RefParser.bundle(rootUrl.href, {
      parse: { json: false, yaml: false, text: false, binary: false, wayfinder: parser },
      resolve: { file: false, http: false, wayfinder: resolver },
      dereference: { circular: true },
    } as never);
    restoreMappingRefs(bundled, mappingRefs);
    return finishBundle(bundled);
  } catch (error) {
    if (isAppError(firstError)) throw firstError;
    if (isAppError(error)) throw error;
    const cause = unwrap(error);
    if (isAppError(cause)) throw cause;
    throw invalidDocument("The document's references cannot be resolved", [{ message: (cause as Error).message }]);
  }
}

/** Keys whose value must be a map of schemas, where OpenAPI does not allow a Reference object. */
const MAP_KEYS = new Set(["properties", "patternProperties"]);
/** How the pointer of a `$ref` standing for such a map ends (the keys escape to themselves). */
const MAP_REF_ENDINGS = [...MAP_KEYS].map((key) => `/${key}/$ref`);

/**
 * What bundling leaves for every document, one file or many, in one walk (two walks were ~20 ms of each
 * side of a Stripe diff):
 *
 * - Maps behind a `$ref` inlined. Some multi-file documents (DigitalOcean's, for one) point a whole
 *   `properties` map at another file. After bundling that becomes `properties: { $ref: "#/…" }`, which no
 *   OpenAPI version allows and no tool renders; the map it points to is inlined, as the author meant.
 * - Fragments encoded. The library writes internal references with raw JSON-pointer text, such as
 *   `#/paths/~1keys~1{id}/get`; `{` and `}` are not allowed in a URI fragment, and validators (rightly)
 *   refuse them: whatever a fragment may not hold is percent-encoded. Encoding twice changes nothing,
 *   and a reference resolves the same encoded or not, so the order in which the two meet does not matter.
 */
export function finishBundle<T>(document: T): T {
  const resolve = (ref: string): unknown => {
    let node: unknown = document;
    for (const key of pointerKeys(ref)) {
      if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  };
  const stack: unknown[] = [document];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string, unknown>;
    // Most references need nothing encoded; they are left as they are rather than written anew.
    if (typeof record.$ref === "string") {
      const encoded = encodeLocalRef(record.$ref);
      if (encoded !== record.$ref) record.$ref = encoded;
    }
    // Keys, not entries: on a 4 MB document the pairs were garbage for every object.
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (MAP_KEYS.has(key) && value && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string") {
        const target = resolve((value as { $ref: string }).$ref);
        if (target && typeof target === "object" && !("$ref" in target)) record[key] = structuredClone(target);
      }
      if (record[key] !== null && typeof record[key] === "object") stack.push(record[key]);
    }
  }
  return document;
}

/**
 * Whether finishBundle would leave a document as it is, told from what inspectDocument found in it: no
 * local reference holds a character to encode, and no reference stands where a map must be. A file that
 * is its own bundle (most single-file documents, Stripe's among them) then needs neither that walk nor a
 * second inspection. Conservative: a reference under `properties` counts even when its target would not
 * be inlined.
 */
export function finishChangesNothing({ localRefs, externalRefs }: Pick<DocumentShape, "localRefs" | "externalRefs">): boolean {
  const standsForMap = ({ pointer }: { pointer: string }) => MAP_REF_ENDINGS.some((ending) => pointer.endsWith(ending));
  return !localRefs.some((found) => encodeLocalRef(found.ref) !== found.ref || standsForMap(found)) && !externalRefs.some(standsForMap);
}

/** The library wraps errors from resolvers and parsers; the first AppError inside is the real one. */
function unwrap(error: unknown): unknown {
  let current = error as { cause?: unknown; errors?: unknown[] } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (isAppError(current)) return current;
    const inner = current.errors?.find((entry) => isAppError(entry)) ?? current.cause;
    if (!inner) break;
    current = inner as typeof current;
  }
  return current ?? error;
}
