import { readDemoSpec } from "@/lib/demo/demo-specs";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { demoServices } from "@/prisma/seed/demo-company";

/**
 * The demo company's services and the operationIds of their newest documents, read from the seed
 * files: what content may link to, checked at build time.
 */
export function demoCatalogue(): Map<string, Set<string>> {
  const catalogue = new Map<string, Set<string>>();
  for (const service of demoServices) {
    const document = parseDocumentText(readDemoSpec(service.specs.at(-1)!)) as Record<string, unknown>;
    const ids = extractOperations(document).map((operation) => operation.operationId).filter((id): id is string => !!id);
    catalogue.set(service.slug, new Set(ids));
  }
  return catalogue;
}
