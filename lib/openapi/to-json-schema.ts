import { openapiSchemaToJsonSchema } from "@openapi-contrib/openapi-schema-to-json-schema";

/** Whether a document's schemas are JSON Schema 2020-12 already (OpenAPI 3.1). */
export function isOpenApi31(document: Record<string, unknown>): boolean {
  return typeof document.openapi === "string" && document.openapi.startsWith("3.1");
}

/**
 * A schema as JSON Schema, for a validator: OpenAPI 2.0/3.0 dialects (`nullable`, boolean exclusive
 * bounds) converted; 3.1's returned as it is. Shared by the mock's example check (Ajv, server) and the
 * samples' check (@cfworker/json-schema, browser too).
 */
export function toJsonSchema(schema: unknown, is31: boolean): unknown {
  return is31 ? schema : openapiSchemaToJsonSchema(schema as never, { cloneSchema: true, strictMode: false } as never);
}
