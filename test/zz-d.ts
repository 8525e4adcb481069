import { readFileSync } from "node:fs";
import { diffDocuments } from "@/lib/diff/diff-documents";
import { parseDocumentText } from "@/lib/openapi/parse-document";
const [a, b] = process.argv.slice(2).map((f) => parseDocumentText(readFileSync(f, "utf8")) as Record<string, unknown>);
const r = diffDocuments(a!, b!);
console.log(
  r.summary,
  r.changes.filter((c) => c.level !== "info").map((c) => `${c.level} ${c.id} ${c.message}`),
);
