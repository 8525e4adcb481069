import { upgrade } from "@scalar/openapi-upgrader";
import type { ClientFiles } from "./client-files";
import { localRefsOnly, uniqueOperationIds } from "./local-refs-only";
import type { ClientLanguage, ClientSource } from "./client-manifest";
import { generatePythonClient } from "./generate-python-client";
import { generateTypescriptClient } from "./generate-typescript-client";

/**
 * A client of a stored document in the given language. Swagger 2.0 is upgraded to OpenAPI 3.0 first
 * (Scalar's upgrader), since both generators read 3.x; references leaving the document are cut first
 * (local-refs-only.ts). CPU-heavy: runs in a pipeline thread.
 */
export async function generateClient(document: Record<string, unknown>, source: ClientSource, language: ClientLanguage): Promise<ClientFiles> {
  const local = localRefsOnly(document);
  uniqueOperationIds(local);
  const three = local.swagger === "2.0" ? (upgrade(local, "3.0") as unknown as Record<string, unknown>) : local;
  return language === "typescript" ? generateTypescriptClient(three, source) : generatePythonClient(three, source);
}
