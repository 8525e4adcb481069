/**
 * Benchmarks one document in a process of its own (so peak memory is this document's): each stage of
 * the pipeline `runs` times, then the whole ingestion into an in-memory PGlite. Prints one JSON line.
 * Run with --expose-gc so that heap figures are after a collection.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { collectFiles } from "@/cli/collect-files";
import { systemActor } from "@/lib/auth/actor";
import { openDatabase } from "@/lib/platform/db/open-database";
import { bundleDocument } from "@/lib/openapi/bundle-document";
import { BUNDLE_ORIGIN, bundleReader } from "@/lib/openapi/bundle-files";
import { detectSpecFormat } from "@/lib/openapi/detect-format";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { hashDocument } from "@/lib/openapi/hash-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { validateDocument } from "@/lib/openapi/validate-document";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishPrepared } from "@/lib/versions/publish-version";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const limits = defaultIngestLimits;

const times: Record<string, number[]> = {};
const heap: Record<string, number> = {};
async function stage<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await work();
  (times[name] ??= []).push(performance.now() - started);
  heap[name] = Math.max(heap[name] ?? 0, (process.memoryUsage().heapUsed - before) / 2 ** 20);
  return result;
}

const bundle = await collectFiles(file!);
const isBundle = Object.keys(bundle.files).length > 1;
const rootText = readFileSync(file!, "utf8");
let operations = 0;
for (let run = 0; run < runs; run += 1) {
  if (!isBundle && file!.endsWith(".json")) await stage("JSON.parse", () => JSON.parse(rootText));
  const document = isBundle
    ? await stage("parse+bundle", () => bundleDocument(new URL(`${BUNDLE_ORIGIN}/${bundle.root}`), bundleReader(new Map(Object.entries(bundle.files))), limits))
    : await stage("parse", () => parseDocumentText(rootText, limits));
  await stage("inspect", () => inspectDocument(document, limits));
  await stage("detect", () => detectSpecFormat(document));
  await stage("validate", () => validateDocument(document as Record<string, unknown>));
  await stage("hash", () => hashDocument(document));
  operations = (await stage("index", () => extractOperations(document as Record<string, unknown>))).length;
}

const db = await openDatabase({ kind: "pglite", dataDir: null });
const actor = systemActor("bench");
await createTeam(db.prisma, { actor, input: { slug: "bench", name: "Bench" } });
for (let run = 0; run < runs; run += 1) {
  const slug = `bench-${run}`;
  await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "bench" } });
  await stage("whole ingestion", async () => publishPrepared(db.prisma, { actor, serviceSlug: slug, prepared: await prepareBundle(bundle, limits) }));
}
await db.close();

const bytes = Object.values(bundle.files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
console.log(
  JSON.stringify({
    document: path.basename(file!),
    files: Object.keys(bundle.files).length,
    megabytes: bytes / 1e6,
    operations,
    medianMs: Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)])),
    heapGrowthMb: heap,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
