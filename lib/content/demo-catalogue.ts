import { readDemoSpec } from "@/lib/demo/demo-specs";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { demoServices } from "@/prisma/seed/demo-company";

/**
 * The demo company's services and the operationIds of their newest documents (none for a service with no API), read from the seed
 * files: what content may link to, checked at build time.
 */
export function demoCatalogue(): Map<string, Set<string>> {
  const catalogue = new Map<string, Set<string>>();
  for (const service of demoServices) {
    const newest = service.specs.at(-1);
    // A service without an API of its own (a web front end) has nothing to link to but its page.
    if (!newest) {
      catalogue.set(service.slug, new Set());
      continue;
    }
    const document = parseDocumentText(readDemoSpec(newest)) as Record<string, unknown>;
    const ids = extractOperations(document).map((operation) => operation.operationId).filter((id): id is string => !!id);
    catalogue.set(service.slug, new Set(ids));
  }
  return catalogue;
}
