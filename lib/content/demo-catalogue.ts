import { readFileSync } from "node:fs";
import path from "node:path";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { demoServices } from "@/prisma/seed/demo-company";

/**
 * The demo company's services and the operationIds of their newest documents, read from the seed
 * files: what content may link to, checked at build time.
 */
export function demoCatalogue(specsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/seed/specs")): Map<string, Set<string>> {
  const catalogue = new Map<string, Set<string>>();
  for (const service of demoServices) {
    const newest = service.specs.at(-1)!;
    const document = newest === "wayfinder" ? wayfinderOpenApiDocument : parseDocumentText(readFileSync(path.join(specsDir, newest), "utf8"));
    const ids = extractOperations(document as unknown as Record<string, unknown>).map((operation) => operation.operationId).filter((id): id is string => !!id);
    catalogue.set(service.slug, new Set(ids));
  }
  return catalogue;
}
