import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";

const DOCUMENT_ID = "https://wayfinder.invalid/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema({ ...wayfinderOpenApiDocument, $id: DOCUMENT_ID });

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/**
 * Checks a JSON response body against the schema Wayfinder's OpenAPI document declares for that
 * operation and status; returns the validation errors (none when it conforms).
 */
export function contractErrors(path: string, method: string, status: number, body: unknown): string[] {
  const ref = `${DOCUMENT_ID}#/${pointer("paths", path, method, "responses", String(status), "content", "application/json", "schema")}`;
  const validate = ajv.compile({ $ref: ref });
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** Checks a JSON request body against the schema the contract declares for that operation. */
export function requestContractErrors(path: string, method: string, body: unknown): string[] {
  const ref = `${DOCUMENT_ID}#/${pointer("paths", path, method, "requestBody", "content", "application/json", "schema")}`;
  const validate = ajv.compile({ $ref: ref });
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
