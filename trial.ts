import { readFileSync } from "node:fs";
import YAML from "yaml";
import { buildMockOperations } from "@/lib/mock/mock-operations";
import { mockRequest } from "@/lib/mock/mock-request";
const file = process.argv[2]!;
const text = readFileSync(file, "utf8");
const document = file.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
const operations = buildMockOperations(document);
for (const [method, path, headers, body, prefs] of JSON.parse(process.argv[3]!)) {
  const r = await mockRequest({ document, operations }, { method, path, query: {}, headers: { accept: "application/json", "content-type": "application/json", ...headers }, body }, prefs ?? {});
  console.log(method, path, JSON.stringify(r).slice(0, 400));
}
