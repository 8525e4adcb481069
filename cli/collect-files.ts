import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Bundle } from "@/lib/openapi/prepare-bundle";
import type { ParsedFile } from "@/lib/openapi/bundle-document";
import { defaultIngestLimits, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { findMappingRefs, mayHoldMappings } from "@/lib/openapi/mapping-refs";
import { limitExceeded } from "@/lib/platform/limits/limit-error";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { isAppError } from "@/lib/platform/errors";
import { invalidDocument } from "@/lib/openapi/document-error";

const within = (folder: string, file: string) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

function decodeRef(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/**
 * Gathers a local document and every file its relative `$ref`s reach (transitively) into a bundle
 * keyed by paths relative to their common folder. Only relative file references are followed: a
 * `$ref` to a URL or an absolute path is left for the server to refuse by name. Nothing outside
 * `rootDir` (the root document's folder unless given) is read, symbolic links included: a document
 * must not make `wayfinder publish` upload `../../secret/creds.yaml`.
 */
export async function collectFiles(rootFile: string, limits: IngestLimits = defaultIngestLimits, rootDir?: string): Promise<Bundle> {
  return (await collectParsedFiles(rootFile, limits, rootDir)).bundle;
}

/**
 * The same, with each file's parsed data and what inspecting it found by its bundle path, and the root
 * file's data alone when it is the whole document (no `$ref` to another file): reading it for a diff or
 * a lint then parses and inspects nothing twice, and one file needs no bundling.
 */
export async function collectParsedFiles(
  rootFile: string,
  limits: IngestLimits = defaultIngestLimits,
  rootDir?: string,
): Promise<{ bundle: Bundle; parsed: Map<string, ParsedFile>; whole?: unknown }> {
  let whole: unknown;
  const parsedByFile = new Map<string, ParsedFile>();
  const root = path.resolve(rootFile);
  const folder = path.resolve(rootDir ?? path.dirname(root));
  let boundary = folder;
  try {
    boundary = realpathSync.native(folder);
  } catch {
    // A folder that cannot be resolved is compared as written; its files fail to read below.
  }
  // A file's real path from its folder's, found once per folder: realpath(3) reads every component of
  // every path (90 ms of DigitalOcean's 2,900 files). A file is opened without following a link where
  // the platform can (one call where an lstat and an open were two: ~40 ms there); a file that is itself
  // a link is resolved whole, and its target checked before anything is read.
  const realFolders = new Map<string, string>();
  const openReal = (file: string): { real: string; fd?: number } => {
    const folder = path.dirname(file);
    let realFolder = realFolders.get(folder);
    if (realFolder === undefined) {
      realFolder = realpathSync.native(folder);
      realFolders.set(folder, realFolder);
    }
    const candidate = path.join(realFolder, path.basename(file));
    if (within(boundary, candidate) && constants.O_NOFOLLOW !== undefined) {
      try {
        return { real: candidate, fd: openSync(candidate, constants.O_RDONLY | constants.O_NOFOLLOW) };
      } catch {
        // A link (ELOOP), or a failure the way below names.
      }
    }
    return { real: lstatSync(candidate).isSymbolicLink() ? realpathSync.native(candidate) : candidate };
  };
  const texts = new Map<string, string>();
  const queue: { file: string; from?: string; ref?: string }[] = [{ file: root }];
  while (queue.length) {
    const { file, from, ref } = queue.pop()!;
    if (texts.has(file)) continue;
    if (texts.size >= limits.maxFiles) throw limitExceeded("maxFiles", limits.maxFiles, "The number of files");
    let text: string;
    try {
      // Synchronous: one command reading its own files, where a trip through the thread pool for each
      // of DigitalOcean's 2,900 files left the process idle for a second.
      const { real, fd } = openReal(file);
      if (!within(boundary, real)) {
        const where = from ? `$ref "${ref}" in ${path.relative(process.cwd(), from) || from}` : path.relative(process.cwd(), file);
        throw invalidDocument("A file is outside the document's folder", [
          { message: `${where} leads to ${real}, outside ${boundary}; only files under it are sent (widen it with --root)` },
        ]);
      }
      try {
        text = readFileSync(fd ?? real, "utf8");
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    } catch (error) {
      if (isAppError(error)) throw error;
      throw invalidDocument(`Cannot read ${path.relative(process.cwd(), file)}`, [
        { message: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
      ]);
    }
    texts.set(file, text);
    const data = parseDocumentText(text, limits);
    const shape = inspectDocument(data, limits);
    parsedByFile.set(file, { data, shape });
    const { externalRefs } = shape;
    // A discriminator's mapping names files as a $ref does (a schema only the mapping names is sent too);
    // one that names no file there stays as written, as mappings were before they were joined.
    const mapped = mayHoldMappings(text) ? findMappingRefs(data, file === root).filter(({ written }) => !written.startsWith("#")) : [];
    const references = [...externalRefs.map(({ ref }) => ({ ref, mapping: false })), ...mapped.map(({ written }) => ({ ref: written, mapping: true }))];
    let followed = 0;
    for (const { ref, mapping } of references) {
      const target = ref.split("#")[0]!;
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) continue;
      const next = path.resolve(path.dirname(file), decodeRef(target));
      if (mapping && !existsSync(next)) continue;
      followed += 1;
      queue.push({ file: next, from: file, ref });
    }
    if (file === root && !externalRefs.length && !followed) whole = data;
  }
  const base = [...texts.keys()].reduce((common, file) => {
    let dir = common;
    while (!file.startsWith(dir + path.sep) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    return dir;
  }, path.dirname(root));
  // Every file is under `base`: its key is the rest of its path (path.relative resolved both paths
  // anew for each file, twice: 60 ms of DigitalOcean's 2,900).
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  const key = (file: string) => file.slice(prefix.length).split(path.sep).join("/");
  return {
    bundle: { root: key(root), files: Object.fromEntries([...texts].map(([file, text]) => [key(file), text])) },
    parsed: new Map([...parsedByFile].map(([file, data]) => [key(file), data])),
    whole,
  };
}
