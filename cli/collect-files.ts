import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Bundle } from "@/lib/openapi/prepare-bundle";
import { defaultIngestLimits, type IngestLimits } from "@/lib/openapi/ingest-limits";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { limitExceeded } from "@/lib/openapi/limit-error";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { invalidDocument } from "@/lib/openapi/document-error";

/**
 * Gathers a local document and every file its relative `$ref`s reach (transitively) into a bundle
 * keyed by paths relative to their common folder. Only relative file references are followed: a
 * `$ref` to a URL or an absolute path is left for the server to refuse by name.
 */
export async function collectFiles(rootFile: string, limits: IngestLimits = defaultIngestLimits): Promise<Bundle> {
  const root = path.resolve(rootFile);
  const texts = new Map<string, string>();
  const queue = [root];
  while (queue.length) {
    const file = queue.pop()!;
    if (texts.has(file)) continue;
    if (texts.size >= limits.maxFiles) throw limitExceeded("maxFiles", limits.maxFiles, "The number of files");
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw invalidDocument(`Cannot read ${path.relative(process.cwd(), file)}`, [{ message: (error as NodeJS.ErrnoException).code ?? (error as Error).message }]);
    }
    texts.set(file, text);
    const { externalRefs } = inspectDocument(parseDocumentText(text, limits), limits);
    for (const { ref } of externalRefs) {
      const target = ref.split("#")[0]!;
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) continue;
      queue.push(path.resolve(path.dirname(file), decodeURIComponent(target)));
    }
  }
  const base = [...texts.keys()].reduce((common, file) => {
    let dir = common;
    while (!file.startsWith(dir + path.sep) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    return dir;
  }, path.dirname(root));
  const key = (file: string) => path.relative(base, file).split(path.sep).join("/");
  return { root: key(root), files: Object.fromEntries([...texts].map(([file, text]) => [key(file), text])) };
}
