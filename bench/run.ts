/**
 * `npm run bench`: times each stage of the ingestion pipeline on the shared real-world documents
 * (median of several runs), beside a plain JSON.parse of the same bytes for scale, and the whole
 * publish into an in-memory PGlite database. Prints a table; asserts nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectSpecFormat } from "@/lib/openapi/detect-format";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { hashDocument } from "@/lib/openapi/hash-document";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { validateDocument } from "@/lib/openapi/validate-document";
import { systemActor } from "@/lib/auth/actor";
import { openDatabase } from "@/lib/db/open-database";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const documents = ["stripe/spec3.2022-03-25.json", "slack/slack_web_openapi_v2.json", "twilio/twilio_api_v2010.yaml"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const db = await openDatabase({ kind: "pglite", dataDir: null });
const actor = systemActor("bench");
await createTeam(db.prisma, { actor, input: { slug: "bench", name: "Bench" } });

console.log(`Ingestion pipeline, median of ${runs} runs (ms); rss = peak resident memory of this process so far (MB)\n`);
const header = ["document", "MB", "ops", "JSON.parse", "parse", "detect", "validate", "hash", "index", "publish (all + store)", "rss"];
console.log(header.join("\t"));
for (const file of documents) {
  const text = readFileSync(path.join(fixtures, file), "utf8");
  const stages: Record<string, number[]> = { json: [], parse: [], detect: [], validate: [], hash: [], index: [], publish: [] };
  let operations = 0;
  for (let run = 0; run < runs; run += 1) {
    if (file.endsWith(".json")) stages.json!.push((await time(() => JSON.parse(text)))[1]);
    const [document, parseMs] = await time(() => parseDocumentText(text));
    stages.parse!.push(parseMs);
    stages.detect!.push((await time(() => detectSpecFormat(document)))[1]);
    stages.validate!.push((await time(() => validateDocument(document as Record<string, unknown>)))[1]);
    stages.hash!.push((await time(() => hashDocument(document)))[1]);
    const [found, indexMs] = await time(() => extractOperations(document as Record<string, unknown>));
    operations = found.length;
    stages.index!.push(indexMs);
    const slug = `bench-${run}-${path.basename(file).replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 60).replace(/-+$/, "");
    await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "bench" } });
    stages.publish!.push((await time(() => publishVersion(db.prisma, { actor, serviceSlug: slug, text })))[1]);
  }
  const cell = (name: string) => (stages[name]!.length ? median(stages[name]!).toFixed(1) : "n/a");
  console.log([file, (Buffer.byteLength(text) / 1e6).toFixed(2), operations, cell("json"), cell("parse"), cell("detect"), cell("validate"), cell("hash"), cell("index"), cell("publish"), (process.resourceUsage().maxRSS / 1024).toFixed(0)].join("\t"));
}
console.log("\nDigitalOcean's multi-file document needs $ref bundling, which arrives with the ingestion pipeline (issue #4).");
await db.close();
