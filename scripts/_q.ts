import { readFileSync } from "node:fs";
import { annotateImpact, type ImpactConsumer } from "@/lib/consumers/change-impact";
import { diffDocuments } from "@/lib/diff/diff-documents";
import { documentOperations, operationIdIndex } from "@/lib/consumers/operation-key";
const base = JSON.parse(readFileSync("../shared/fixtures/openapi/stripe/spec3.2021-12-17.json", "utf8"));
const revision = JSON.parse(readFileSync("../shared/fixtures/openapi/stripe/spec3.2022-03-25.json", "utf8"));
const ops = documentOperations(base);
const consumers: ImpactConsumer[] = Array.from({ length: 2000 }, (_, n) => ({ service: { slug: `c-${n}`, name: `C ${n}` }, teams: [{ slug: "t", name: "T" }], observed: [], declared: { versions: "*", fields: [], operations: n % 10 ? Array.from({ length: 20 }, (_, i) => { const o = ops[(n * 37 + i * 101) % ops.length]!; return o.operationId ?? `${o.method} ${o.path}`; }) : [] } }));
const result = diffDocuments(base, revision, { reach: true });
const idx = operationIdIndex([...documentOperations(base), ...documentOperations(revision)]);
for (let i = 0; i < 8; i++) { const s = performance.now(); annotateImpact(result, consumers, { revisionVersion: "x", operationIds: idx }); console.log(Math.round(performance.now() - s)); }
