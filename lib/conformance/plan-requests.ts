import { isPlainObject } from "@/lib/openapi/detect-format";
import { httpMethods } from "@/lib/openapi/extract-operations";
import { deref, valueAtPlainPointer } from "@/lib/openapi/json-pointer";
import { securitySchemesOf } from "@/lib/openapi/security-schemes";

type Json = Record<string, unknown>;

/** Values a run may not invent: `{ "<param>": value }` for every operation, or `{ "<METHOD /path>": { "<param>": value } }` for one. */
export type Fixtures = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Json;
  /** The parameter's own example (example, x-example, examples, the schema's example, default or first enum value). */
  example?: unknown;
}

/** A link of a response to another operation: the parameters it fills from this response (`$response.body#/id`). */
export interface ResponseLink {
  status: string;
  operationId?: string;
  operationRef?: string;
  parameters: Record<string, string>;
}

export interface PlannedOperation {
  method: string;
  path: string;
  operationId?: string;
  parameters: Parameter[];
  /** The request body's media type and its example, else the schema a value is sampled from when it is sent (sampling Stripe's 213 write bodies up front took seconds). */
  body?: { mediaType: string; example?: unknown; schema?: Json };
  /** The security requirement a run can meet: the first listed, by scheme name (empty when none is needed). */
  security: string[];
  links: ResponseLink[];
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function parameterExample(parameter: Json, schema: Json): unknown {
  if ("example" in parameter) return parameter.example;
  if ("x-example" in parameter) return parameter["x-example"];
  const named = Object.values(isPlainObject(parameter.examples) ? parameter.examples : {})[0];
  if (isPlainObject(named) && "value" in named) return named.value;
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  return undefined;
}

function readParameter(document: Json, raw: unknown): Parameter | null {
  const parameter = deref(document, raw);
  if (!isPlainObject(parameter) || typeof parameter.name !== "string") return null;
  const where = parameter.in;
  if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") return null;
  // Swagger 2.0 puts the type on the parameter itself.
  const schema = (deref(document, parameter.schema) as Json | undefined) ?? parameter;
  return { name: parameter.name, in: where, required: where === "path" || parameter.required === true, schema, example: parameterExample(parameter, schema) };
}

function requestBody(document: Json, operation: Json, rawParameters: unknown[]): PlannedOperation["body"] {
  if (document.swagger) {
    const bodyParameter = rawParameters.map((raw) => deref(document, raw)).find((p) => isPlainObject(p) && p.in === "body") as Json | undefined;
    if (!bodyParameter) return undefined;
    const schema = (deref(document, bodyParameter.schema) as Json | undefined) ?? {};
    const consumes = asArray(operation.consumes ?? document.consumes).filter((type): type is string => typeof type === "string");
    return { mediaType: consumes[0] ?? "application/json", ...("example" in schema ? { example: schema.example } : { schema }) };
  }
  const body = deref(document, operation.requestBody);
  if (!isPlainObject(body) || !isPlainObject(body.content)) return undefined;
  const entries = Object.entries(body.content);
  const [mediaType, content] = entries.find(([type]) => /json/i.test(type)) ?? entries[0] ?? [];
  if (!mediaType || !isPlainObject(content)) return undefined;
  const named = Object.values(isPlainObject(content.examples) ? content.examples : {}).map((example) => deref(document, example))[0];
  const schema = (deref(document, content.schema) as Json | undefined) ?? {};
  if ("example" in content) return { mediaType, example: content.example };
  if (isPlainObject(named) && "value" in named) return { mediaType, example: named.value };
  return { mediaType, ...("example" in schema ? { example: schema.example } : { schema }) };
}

function linksOf(document: Json, operation: Json): ResponseLink[] {
  const links: ResponseLink[] = [];
  for (const [status, rawResponse] of Object.entries(isPlainObject(operation.responses) ? operation.responses : {})) {
    const response = deref(document, rawResponse);
    if (!isPlainObject(response) || !isPlainObject(response.links)) continue;
    for (const rawLink of Object.values(response.links)) {
      const link = deref(document, rawLink);
      if (!isPlainObject(link) || !isPlainObject(link.parameters)) continue;
      const parameters = Object.fromEntries(Object.entries(link.parameters).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      links.push({
        status,
        operationId: typeof link.operationId === "string" ? link.operationId : undefined,
        operationRef: typeof link.operationRef === "string" ? link.operationRef : undefined,
        parameters,
      });
    }
  }
  return links;
}

/** The first security requirement whose schemes a run can send (http, apiKey, oauth2/openIdConnect as bearer); none needed when `{}` is listed. */
function securityOf(document: Json, operation: Json): string[] {
  const requirements = asArray(operation.security ?? document.security).filter(isPlainObject);
  if (!requirements.length || requirements.some((requirement) => !Object.keys(requirement).length)) return [];
  const schemes = securitySchemesOf(document);
  const usable = requirements.find((requirement) => Object.keys(requirement).every((name) => schemes[name]));
  return Object.keys(usable ?? requirements[0]!);
}

/**
 * Every operation of a contract as a request a run can send: parameters with their examples, the
 * request body's example (or a value sampled from its schema), the security to meet, and the links its
 * responses declare to other operations (OpenAPI 3 `links`), for stateful chains.
 */
export function planRequests(document: Json): PlannedOperation[] {
  const planned: PlannedOperation[] = [];
  for (const [path, rawItem] of Object.entries(isPlainObject(document.paths) ? document.paths : {})) {
    const item = deref(document, rawItem);
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = deref(document, item[method]);
      if (!isPlainObject(operation)) continue;
      const raw = [...asArray(item.parameters), ...asArray(operation.parameters)];
      // An operation's parameter overrides the path item's of the same name and place.
      const byKey = new Map<string, Parameter>();
      for (const parameter of raw.map((entry) => readParameter(document, entry))) if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      planned.push({
        method: method.toUpperCase(),
        path,
        operationId: typeof operation.operationId === "string" ? operation.operationId : undefined,
        parameters: [...byKey.values()],
        body: requestBody(document, operation, raw),
        security: securityOf(document, operation),
        links: linksOf(document, operation),
      });
    }
  }
  return planned;
}

/** A fixture for one parameter of one operation: the operation's own entry first, then a value for every operation. */
export function fixtureFor(fixtures: Fixtures, operation: PlannedOperation, name: string): unknown {
  const own = fixtures[`${operation.method} ${operation.path}`] ?? (operation.operationId ? fixtures[operation.operationId] : undefined);
  if (isPlainObject(own) && name in own) return own[name];
  return fixtures[name];
}

/** `$response.body#/pointer` (and `$response.header.X`) against a response a run received; undefined when it says nothing. */
export function evaluateLinkExpression(expression: string, response: { body: unknown; headers: Record<string, string> }): unknown {
  if (expression.startsWith("$response.header.")) return response.headers[expression.slice("$response.header.".length).toLowerCase()];
  if (!expression.startsWith("$response.body")) return undefined;
  return valueAtPlainPointer(response.body, expression.slice("$response.body".length).replace(/^#/, ""));
}
