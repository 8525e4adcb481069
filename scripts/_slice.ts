import { readFileSync } from "node:fs";
import { operationSlice } from "@/lib/openapi/operation-slice";
import { extractOperations } from "@/lib/openapi/extract-operations";
const doc = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const ops = extractOperations(doc);
let worst: any = { ms: 0 };
let total = 0; const depths: Record<number, number> = {};
const sizes: number[] = [];
for (const op of ops) {
  const t = performance.now();
  const { slice, info } = operationSlice(doc, op.method, op.path);
  const size = JSON.stringify(slice).length;
  const ms = performance.now() - t;
  total += ms;
  sizes.push(size);
  if (ms > worst.ms) worst = { ms, op: `${op.method} ${op.path}`, size, ...info }; depths[info.depth] = (depths[info.depth] ?? 0) + 1;
}
sizes.sort((a, b) => a - b);
console.log(ops.length, "ops; total ms", total.toFixed(0), "worst", worst, "median size", sizes[sizes.length >> 1], "max size", sizes.at(-1), depths);
