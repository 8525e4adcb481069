import { invalidDocument } from "./document-error";
import type { SpecFormat } from "./spec-format";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Tells Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 apart by their version field. */
export function detectSpecFormat(document: unknown): SpecFormat {
  if (!isPlainObject(document))
    throw invalidDocument("The document is not an OpenAPI description", [{ message: "expected an object at the top level", pointer: "" }]);
  const { swagger, openapi } = document;
  if (swagger !== undefined) {
    if (swagger === "2.0") return "swagger-2.0";
    throw invalidDocument("Unsupported Swagger version", [{ message: `swagger is ${JSON.stringify(swagger)}; only "2.0" exists`, pointer: "/swagger" }]);
  }
  if (openapi !== undefined) {
    if (typeof openapi === "string" && /^3\.0\.\d+(-.+)?$/.test(openapi)) return "openapi-3.0";
    if (typeof openapi === "string" && /^3\.1\.\d+(-.+)?$/.test(openapi)) return "openapi-3.1";
    throw invalidDocument("Unsupported OpenAPI version", [
      { message: `openapi is ${JSON.stringify(openapi)}; Wayfinder reads 3.0.x and 3.1.x (and swagger: "2.0")`, pointer: "/openapi" },
    ]);
  }
  if (document.asyncapi !== undefined)
    throw invalidDocument("The document is an AsyncAPI description: publish it as the service's event API", [
      {
        message: `asyncapi is ${JSON.stringify(document.asyncapi).slice(0, 40)}; event APIs go to /services/{slug}/event-versions (\`wayfinder publish\` sends them there), OpenAPI 3.0 and 3.1 and Swagger 2.0 documents here`,
        pointer: "/asyncapi",
      },
    ]);
  throw invalidDocument("The document is neither an OpenAPI nor an AsyncAPI description", [
    {
      message: 'it has no "openapi", "swagger" or "asyncapi" field: Wayfinder reads OpenAPI 3.0 and 3.1, Swagger 2.0 and AsyncAPI 1.x, 2.x and 3.0',
      pointer: "",
    },
  ]);
}
