import { sample } from "openapi-sampler";
import { cutRecursion } from "@/lib/try-it/samples/cut-recursion";
import { documentSchemaProblem } from "@/lib/openapi/document-schema-check";
import { addPatternExamples } from "@/lib/try-it/samples/pattern-examples";
import { realisticString } from "@/lib/try-it/samples/realistic-values";
import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";
import { securitySchemesOf } from "@/lib/openapi/security-schemes";

type Json = Record<string, unknown>;

/** A request in HAR form, what @scalar/snippetz turns into code. */
export interface HarRequest {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  queryString: { name: string; value: string }[];
  postData?: { mimeType: string; text?: string; params?: { name: string; value: string }[] };
}

/** Basic credentials to replace: base64 of `username:password`. */
export const BASIC_PLACEHOLDER = "dXNlcm5hbWU6cGFzc3dvcmQ=";

/** A credential per scheme type: placeholders, or the caller's own values when they ask for them. */
export type Credentials = Record<string, string | undefined>;

/** Data for a schema, as the mock makes it: recursion cut, patterns honoured. */
function sampleOf(schema: Json, document: Json, skipReadOnly: boolean, skipNonRequired = false): unknown {
  return sample(
    addPatternExamples(cutRecursion(schema, document)) as never,
    { skipReadOnly, skipWriteOnly: !skipReadOnly, skipNonRequired, quiet: true, enablePatterns: true, maxSampleDepth: 100 } as never,
    document as never,
  );
}

/**
 * A request body for a schema that validates against it where one can be found: the full sample, else
 * (openapi-sampler takes the first branch of every oneOf, which OpenAI's optional unions fail) the
 * required properties alone.
 */
function validBodyOf(schema: Json, document: Json): unknown {
  const full = sampleOf(schema, document, true);
  if (documentSchemaProblem(document, schema, full) === null) return full;
  const minimal = sampleOf(schema, document, true, true);
  return documentSchemaProblem(document, schema, minimal) === null ? minimal : full;
}

/**
 * A parameter's value for a sample: its example, default or first enum value, else a realistic one for its
 * format or name (an email, a UUID), else one made from its schema when it is constrained (a number, a
 * pattern, an array); a plain string has none, and the caller shows a placeholder for it.
 */
function exampleOf(parameter: Json, document: Json): unknown {
  const schema = objectAt(document, parameter.schema ?? parameter);
  const named = Object.values(objectAt(document, parameter.examples))[0];
  let value =
    parameter.example ??
    (isPlainObject(named) ? named.value : undefined) ??
    schema.example ??
    schema.default ??
    (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (value === undefined) value = realisticString(schema, String(parameter.name));
  const plainString = schema.type === "string" && schema.pattern === undefined;
  if (value === undefined && !plainString && (schema.type || schema.$ref || schema.pattern)) value = sampleOf(schema, document, false);
  return value ?? undefined;
}

/** A path or header value as text: arrays comma-separated (the `simple` style), objects as JSON. */
function asText(value: unknown): string | undefined {
  return value === undefined ? undefined : typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : JSON.stringify(value);
}

/**
 * Whether a sample sends an optional query parameter: only a `deepObject` one (Stripe's `automatic_tax`),
 * which Prism reads as an object even when absent, so leaving it out fails the object's required keys.
 */
function sendsOptional(parameter: Json, document: Json): boolean {
  return parameter.style === "deepObject" && Array.isArray(objectAt(document, parameter.schema).required);
}

function requestBody(operation: Json, document: Json): HarRequest["postData"] {
  const content = objectAt(document, operation.requestBody).content as Json | undefined;
  const bodyParameter = ((operation.parameters as Json[] | undefined) ?? [])
    .map((parameter) => objectAt(document, parameter))
    .find((parameter) => parameter.in === "body");
  const [mimeType, media] = content
    ? (Object.entries(content).find(([type]) => /json/.test(type)) ?? Object.entries(content)[0] ?? [])
    : bodyParameter
      ? ["application/json", { schema: bodyParameter.schema }]
      : [];
  if (!mimeType || !media) return undefined;
  const mediaObject = media as Json;
  const value = bodyValueOf(mediaObject, document);
  if (value === undefined) return undefined;
  if (/multipart\/form-data/.test(mimeType) && value && typeof value === "object") {
    // A part is text: an optional number, list or object in one reaches the mock (Prism) as a string and
    // fails its type, so only optional strings are sent.
    const required = requiredOf(mediaObject.schema, document);
    const encoding = (mediaObject.encoding as Record<string, Json> | undefined) ?? {};
    // A deepObject part is sent as bracketed parts (`file_link_data[create]=true`), which Prism reads back.
    const deep = (name: string) => encoding[name]?.style === "deepObject";
    const parts = Object.entries(value as Json).filter(
      ([name, item]) => required.has(name) || typeof item === "string" || (deep(name) && item !== null && typeof item === "object" && !Array.isArray(item)),
    );
    const params = parts.flatMap(([name, item]) =>
      deep(name) ? formPairs(name, item, encoding[name]!) : [[name, typeof item === "string" ? item : JSON.stringify(item)] as [string, string]],
    );
    return { mimeType, params: params.map(([name, item]) => ({ name, value: item })) };
  }
  if (/x-www-form-urlencoded/.test(mimeType) && value && typeof value === "object") {
    const encoding = (mediaObject.encoding as Record<string, Json> | undefined) ?? {};
    const required = requiredOf(mediaObject.schema, document);
    const pairs = Object.entries(value as Json)
      // Prism reads a list back from a form only as deepObject scalars (`expand[0]=…`): not Stripe's
      // `tax_id_data[0][type]`, nor Twilio's repeated fields. An optional list it cannot read is left out.
      .filter(
        ([key, item]) =>
          required.has(key) ||
          !Array.isArray(item) ||
          (encoding[key]?.style === "deepObject" && item.every((entry) => entry === null || typeof entry !== "object")),
      )
      .flatMap(([key, item]) => formPairs(key, item, encoding[key] ?? {}));
    const text = new URLSearchParams(pairs).toString();
    // An empty form (Stripe declares one on 212 GETs and DELETEs) is no body: `--data ''` would make curl POST.
    return text ? { mimeType, text } : undefined;
  }
  return { mimeType, text: typeof value === "string" ? value : JSON.stringify(value, null, 2) };
}

/**
 * One form field as name-value pairs, serialised as its encoding says (OpenAPI's form rules): `deepObject`
 * nests with brackets (`metadata[key]=value`, `items[0][price]=…`, as Stripe declares), an exploded array
 * repeats its name, an exploded object of scalars becomes its own fields, and anything else is JSON.
 */
function formPairs(name: string, value: unknown, encoding: Json, deep = encoding.style === "deepObject"): [string, string][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== "object") return [[name, String(value)]];
  const explode = encoding.explode !== false;
  // An empty list or object has no brackets to write: Stripe's forms take "" for "none".
  if (deep && Object.keys(value).length === 0) return [[name, ""]];
  if (deep)
    return Array.isArray(value)
      ? value.flatMap((item, index) => formPairs(`${name}[${index}]`, item, encoding, true))
      : Object.entries(value as Json).flatMap(([key, item]) => formPairs(`${name}[${key}]`, item, encoding, true));
  const scalar = (item: unknown) => item === null || typeof item !== "object";
  if (Array.isArray(value) && value.every(scalar)) return explode ? value.map((item) => [name, String(item)]) : [[name, value.map(String).join(",")]];
  if (!Array.isArray(value) && explode && Object.values(value as Json).every(scalar))
    return Object.entries(value as Json).flatMap(([key, item]) => (item === null ? [] : [[key, String(item)] as [string, string]]));
  return [[name, JSON.stringify(value)]];
}

/**
 * The body a sample (or Try it out's pre-filled body) sends for one media type: the document's example
 * when it is valid for its own schema, else one generated from the schema (validBodyOf).
 */
export function bodyValueOf(media: Json, document: Json): unknown {
  const named = Object.values((media.examples as Json | undefined) ?? {})[0] as Json | undefined;
  const value = media.example ?? named?.value;
  const schema = isPlainObject(media.schema) ? media.schema : undefined;
  if (value !== undefined && (!schema || documentSchemaProblem(document, schema, value) === null)) return value;
  return schema ? validBodyOf(schema, document) : undefined;
}

/**
 * Whether a sample sends a body: never for GET or HEAD (fetch refuses one, and curl's `--data` turns the
 * request into a POST), for DELETE only when the document requires one, otherwise when it declares one.
 */
export function mayCarryBody(method: string, operation: Json, document: Json): boolean {
  const upper = method.toUpperCase();
  if (upper === "GET" || upper === "HEAD") return false;
  if (upper !== "DELETE") return true;
  const bodyParameter = ((operation.parameters as unknown[] | undefined) ?? [])
    .map((parameter) => objectAt(document, parameter))
    .find((parameter) => parameter.in === "body");
  return objectAt(document, operation.requestBody).required === true || bodyParameter?.required === true;
}

/** The names a body schema requires (of its own or its allOf parts'). */
function requiredOf(schema: unknown, document: Json): Set<string> {
  const resolved = objectAt(document, schema);
  const parts = Array.isArray(resolved.allOf) ? resolved.allOf.map((part) => objectAt(document, part)) : [];
  return new Set([resolved, ...parts].flatMap((part) => (Array.isArray(part.required) ? part.required.map(String) : [])));
}

/** The object a value or its local `$ref`s name; `{}` for anything else. */
function objectAt(document: Json, value: unknown): Json {
  const resolved = deref(document, value);
  return isPlainObject(resolved) ? resolved : {};
}

/** The operation's parameters and its path's, the operation's winning where both name the same one. */
function allParameters(document: Json, operation: Json, path: string): Json[] {
  const pathItem = objectAt(document, (document.paths as Json | undefined)?.[path]);
  const own = ((operation.parameters as unknown[] | undefined) ?? []).map((parameter) => objectAt(document, parameter));
  const shared = ((pathItem.parameters as unknown[] | undefined) ?? []).map((parameter) => objectAt(document, parameter));
  return [...own, ...shared.filter((parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in))];
}

/**
 * The request a code sample shows for one operation: the chosen server, path and required query
 * parameters filled with their examples (else values made from their schemas, so the sample runs
 * against the mock as it is), an example body (the document's,
 * else one generated from the schema), and the first security requirement's credentials as
 * placeholders unless `credentials` gives real ones.
 */
export function buildSampleRequest(input: {
  document: Json;
  operation: Json;
  path: string;
  method: string;
  server: string;
  credentials?: Credentials;
}): HarRequest {
  const { document, operation } = input;
  const parameters = allParameters(document, operation, input.path);
  let path = input.path;
  const queryString: HarRequest["queryString"] = [];
  const headers: HarRequest["headers"] = [];
  for (const parameter of parameters) {
    const name = String(parameter.name);
    const value = exampleOf(parameter, document);
    if (parameter.in === "path")
      path = path.split(`{${name}}`).join(encodeURIComponent(asText(value) ?? `{${name}}`).replace(/%7B|%7D/g, (c) => (c === "%7B" ? "{" : "}")));
    else if (parameter.in === "query" && (parameter.required || sendsOptional(parameter, document))) {
      const pairs = value === undefined ? [[name, `<${name}>`] as const] : formPairs(name, value, parameter);
      queryString.push(...pairs.map(([key, text]) => ({ name: key, value: text })));
    }
    // An Accept the document constrains is sent as it says: every client sends one (curl and fetch `*/*`).
    else if (parameter.in === "header" && (parameter.required || name.toLowerCase() === "accept") && name.toLowerCase() !== "content-type")
      headers.push({ name, value: asText(value) ?? `<${name}>` });
  }
  const schemes = securitySchemesOf(document);
  const requirement = (((operation.security ?? document.security) as Json[] | undefined) ?? [])[0] ?? {};
  for (const name of Object.keys(requirement)) {
    const scheme = schemes[name];
    if (!scheme) continue;
    const given = input.credentials?.[name];
    if (scheme.type === "apiKey") {
      const value = given ?? "<API_KEY>";
      if (scheme.in === "query") queryString.push({ name: String(scheme.name), value });
      else if (scheme.in === "cookie") headers.push({ name: "Cookie", value: `${String(scheme.name)}=${value}` });
      else headers.push({ name: String(scheme.name), value });
    } else if ((scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") || scheme.type === "basic") {
      // base64("username:password"): a placeholder that is still well-formed, so the sample runs against the mock.
      headers.push({ name: "Authorization", value: `Basic ${given ?? BASIC_PLACEHOLDER}` });
    } else {
      headers.push({ name: "Authorization", value: `Bearer ${given ?? "<TOKEN>"}` });
    }
  }
  const method = input.method.toUpperCase();
  const postData = mayCarryBody(method, operation, document) ? requestBody(operation, document) : undefined;
  // curl --form and the other clients set multipart's Content-Type with its boundary themselves.
  if (postData && !postData.mimeType.startsWith("multipart/")) headers.push({ name: "Content-Type", value: postData.mimeType });
  return { method, url: `${input.server.replace(/\/+$/, "")}${path}`, headers, queryString, ...(postData ? { postData } : {}) };
}
