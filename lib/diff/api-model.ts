import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref, escapePointerKey } from "@/lib/openapi/json-pointer";

export { deref };

/**
 * Swagger 2.0, OpenAPI 3.0 and 3.1 read into one model, so that any two can be compared: operations
 * keyed by method and path with parameter names taken out (`GET /pets/{}`: renaming a path parameter is
 * no change), parameters keyed by location and name (path parameters by position), bodies and
 * responses by media type, the effective security of each operation, webhooks and callbacks. Schemas
 * stay as written, `$ref`s and all; compare-schemas.ts follows the references.
 */
type Json = Record<string, unknown>;

export interface ParameterModel {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  sunset: string | null;
  style: string;
  explode: boolean;
  schema: unknown;
  pointer: string;
}

export interface BodyModel {
  required: boolean;
  content: Map<string, unknown>;
  pointer: string;
}

export interface ResponseModel {
  content: Map<string, unknown>;
  headers: Map<string, { required: boolean; schema: unknown }>;
  pointer: string;
}

export interface OperationModel {
  key: string;
  method: string;
  path: string;
  pointer: string;
  deprecated: boolean;
  sunset: string | null;
  /** `x-stability-level` as written (draft, alpha, beta, stable; anything else is reported), or null. */
  stability: string | null;
  parameters: Map<string, ParameterModel>;
  body: BodyModel | null;
  responses: Map<string, ResponseModel>;
  /** Alternatives (any one suffices), each a map of scheme name to required scopes; null: none needed. */
  security: Map<string, string[]>[] | null;
  /** Server URLs the operation or its path item names instead of the document's; null: the document's. */
  servers: string[] | null;
  callbacks: Set<string>;
}

export interface ApiModel {
  root: Json;
  /** The document's server URLs (OpenAPI 3's `servers`; Swagger 2.0's schemes × host + basePath). */
  servers: string[];
  operations: Map<string, OperationModel>;
  webhooks: Map<string, string>;
  securitySchemes: Map<string, unknown>;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const asObject = (root: Json, value: unknown): Json => {
  const resolved = deref(root, value);
  return isPlainObject(resolved) ? resolved : {};
};
const sunsetOf = (value: Json) => (typeof value["x-sunset"] === "string" ? value["x-sunset"] : null);

/** Swagger 2.0 describes non-body parameters with schema keywords on the parameter itself. */
function swaggerParameterSchema(parameter: Json): Json {
  const keys = [
    "type",
    "format",
    "items",
    "enum",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
    "default",
  ];
  return Object.fromEntries(keys.filter((key) => key in parameter).map((key) => [key, parameter[key]]));
}

const collectionStyle: Record<string, { style: string; explode: boolean }> = {
  csv: { style: "form", explode: false },
  ssv: { style: "spaceDelimited", explode: false },
  pipes: { style: "pipeDelimited", explode: false },
  multi: { style: "form", explode: true },
  tsv: { style: "tsv", explode: false },
};

function defaultStyle(location: string): { style: string; explode: boolean } {
  return location === "query" || location === "cookie" ? { style: "form", explode: true } : { style: "simple", explode: false };
}

function pathKey(path: string): { key: string; pathParams: string[] } {
  const pathParams: string[] = [];
  const key = path.replace(/\{([^}]*)\}/g, (_match, name: string) => {
    pathParams.push(name);
    return "{}";
  });
  return { key, pathParams };
}

function readSecurity(value: unknown): Map<string, string[]>[] | null {
  if (!Array.isArray(value)) return null;
  const alternatives = value
    .filter(isPlainObject)
    .map((requirement) => new Map(Object.entries(requirement).map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.map(String) : []])));
  // `security: [{}]` or `[]` means no authentication.
  return alternatives.length === 0 || alternatives.some((alternative) => alternative.size === 0) ? null : alternatives;
}

function readOperation(root: Json, swagger: boolean, path: string, method: string, pathItem: Json, operation: Json, pointer: string): OperationModel {
  const { key, pathParams } = pathKey(path);
  const parameters = new Map<string, ParameterModel>();
  let body: BodyModel | null = null;
  const formFields: { name: string; required: boolean; schema: Json }[] = [];
  const consumes = (Array.isArray(operation.consumes) ? operation.consumes : Array.isArray(root.consumes) ? root.consumes : ["application/json"]) as string[];
  const produces = (Array.isArray(operation.produces) ? operation.produces : Array.isArray(root.produces) ? root.produces : ["application/json"]) as string[];

  const declared = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []).map((value, i) => ({ value, at: `${pointer.replace(/\/[^/]+$/, "")}/parameters/${i}` })),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []).map((value, i) => ({ value, at: `${pointer}/parameters/${i}` })),
  ];
  for (const { value, at } of declared) {
    const parameter = asObject(root, value);
    const name = String(parameter.name ?? "");
    const location = String(parameter.in ?? "");
    if (swagger && location === "body") {
      body = { required: parameter.required === true, content: new Map(consumes.map((type) => [type, parameter.schema])), pointer: at };
      continue;
    }
    if (swagger && location === "formData") {
      formFields.push({ name, required: parameter.required === true, schema: swaggerParameterSchema(parameter) });
      continue;
    }
    // Serialisation matters for arrays (Swagger 2.0's collectionFormat) and objects only.
    const style = swagger
      ? parameter.type === "array"
        ? (collectionStyle[String(parameter.collectionFormat ?? "csv")] ?? defaultStyle(location))
        : defaultStyle(location)
      : {
          style: String(parameter.style ?? defaultStyle(location).style),
          explode: typeof parameter.explode === "boolean" ? parameter.explode : (parameter.style ?? defaultStyle(location).style) === "form",
        };
    const slot = location === "path" ? `path:#${pathParams.indexOf(name)}` : `${location}:${location === "header" ? name.toLowerCase() : name}`;
    parameters.set(slot, {
      name,
      in: location,
      required: location === "path" || parameter.required === true,
      deprecated: parameter.deprecated === true,
      sunset: sunsetOf(parameter),
      ...style,
      schema: swagger
        ? swaggerParameterSchema(parameter)
        : (parameter.schema ??
          (isPlainObject(parameter.content)
            ? Object.values(parameter.content).map((media) => (isPlainObject(media) ? media.schema : undefined))[0]
            : undefined)),
      pointer: at,
    });
  }
  if (formFields.length) {
    const schema = {
      type: "object",
      properties: Object.fromEntries(formFields.map((field) => [field.name, field.schema])),
      required: formFields.filter((field) => field.required).map((field) => field.name),
    };
    const types = consumes.filter((type) => /form/.test(type));
    body = {
      required: formFields.some((field) => field.required),
      content: new Map((types.length ? types : ["application/x-www-form-urlencoded"]).map((type) => [type, schema])),
      pointer: `${pointer}/parameters`,
    };
  }
  if (!swagger && operation.requestBody !== undefined) {
    const requestBody = asObject(root, operation.requestBody);
    const content = isPlainObject(requestBody.content) ? requestBody.content : {};
    body = {
      required: requestBody.required === true,
      content: new Map(Object.entries(content).map(([type, media]) => [type, isPlainObject(media) ? media.schema : undefined])),
      pointer: `${pointer}/requestBody`,
    };
  }

  const responses = new Map<string, ResponseModel>();
  for (const [status, value] of Object.entries(isPlainObject(operation.responses) ? operation.responses : {})) {
    const response = asObject(root, value);
    const content = swagger
      ? new Map<string, unknown>(response.schema === undefined ? [] : produces.map((type) => [type, response.schema]))
      : new Map(
          Object.entries(isPlainObject(response.content) ? response.content : {}).map(([type, media]) => [
            type,
            isPlainObject(media) ? media.schema : undefined,
          ]),
        );
    const headers = new Map(
      Object.entries(isPlainObject(response.headers) ? response.headers : {}).map(([name, header]) => {
        const resolved = asObject(root, header);
        return [name.toLowerCase(), { required: resolved.required === true, schema: swagger ? swaggerParameterSchema(resolved) : resolved.schema }];
      }),
    );
    responses.set(status.toUpperCase(), { content, headers, pointer: `${pointer}/responses/${escapePointerKey(status)}` });
  }

  return {
    key: `${method.toUpperCase()} ${key}`,
    method: method.toUpperCase(),
    path,
    pointer,
    deprecated: operation.deprecated === true,
    sunset: sunsetOf(operation),
    stability: typeof operation["x-stability-level"] === "string" ? operation["x-stability-level"] : null,
    parameters,
    body,
    responses,
    security: readSecurity(operation.security !== undefined ? operation.security : root.security),
    servers: serverUrls(operation.servers) ?? serverUrls(pathItem.servers),
    callbacks: new Set(
      Object.entries(isPlainObject(operation.callbacks) ? operation.callbacks : {}).flatMap(([name, callback]) =>
        Object.keys(asObject(root, callback)).map((expression) => `${name} ${expression}`),
      ),
    ),
  };
}

function serverUrls(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.length) return null;
  return value.filter(isPlainObject).map((server) => String(server.url ?? ""));
}

/** Swagger 2.0's one server, per scheme: `https://host/basePath`. */
function swaggerServers(document: Json): string[] {
  if (typeof document.host !== "string") return [];
  const schemes = Array.isArray(document.schemes) && document.schemes.length ? document.schemes.map(String) : ["https"];
  const basePath = typeof document.basePath === "string" ? document.basePath : "";
  return schemes.map((scheme) => `${scheme}://${document.host as string}${basePath}`);
}

export function readApiModel(document: Json): ApiModel {
  const swagger = typeof document.swagger === "string";
  const operations = new Map<string, OperationModel>();
  for (const [path, rawItem] of Object.entries(isPlainObject(document.paths) ? document.paths : {})) {
    const pathItem = asObject(document, rawItem);
    for (const method of METHODS) {
      if (!isPlainObject(pathItem[method])) continue;
      const operation = readOperation(document, swagger, path, method, pathItem, pathItem[method], `/paths/${escapePointerKey(path)}/${method}`);
      operations.set(operation.key, operation);
    }
  }
  const webhooks = new Map<string, string>();
  for (const [name, rawItem] of Object.entries(isPlainObject(document.webhooks) ? document.webhooks : {})) {
    const item = asObject(document, rawItem);
    for (const method of METHODS)
      if (isPlainObject(item[method])) webhooks.set(`${name} ${method.toUpperCase()}`, `/webhooks/${escapePointerKey(name)}/${method}`);
  }
  const components = isPlainObject(document.components) ? document.components : {};
  const schemes = swagger ? document.securityDefinitions : components.securitySchemes;
  return {
    root: document,
    servers: swagger ? swaggerServers(document) : (serverUrls(document.servers) ?? []),
    operations,
    webhooks,
    securitySchemes: new Map(Object.entries(isPlainObject(schemes) ? schemes : {})),
  };
}
