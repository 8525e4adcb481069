import { sample } from "openapi-sampler";
import { cutRecursion } from "@/lib/mock/cut-recursion";
import { addPatternExamples } from "@/lib/mock/pattern-examples";
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

/** A credential per scheme type: placeholders, or the caller's own values when they ask for them. */
export type Credentials = Record<string, string | undefined>;

/** Data for a schema, as the mock makes it: recursion cut, patterns honoured. */
function sampleOf(schema: Json, document: Json, skipReadOnly: boolean): unknown {
  return sample(
    addPatternExamples(cutRecursion(schema, document)) as never,
    { skipReadOnly, skipWriteOnly: !skipReadOnly, quiet: true, enablePatterns: true, maxSampleDepth: 100 } as never,
    document as never,
  );
}

/** A parameter's value for a sample: its example, default or first enum value, else one made from its schema. */
function exampleOf(parameter: Json, document: Json): string | undefined {
  const schema = (parameter.schema as Json | undefined) ?? parameter;
  let value = parameter.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (value === undefined && (schema.type || schema.$ref || schema.pattern)) value = sampleOf(schema, document, false);
  return value === undefined || value === null ? undefined : typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : JSON.stringify(value);
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
  const named = Object.values((mediaObject.examples as Json | undefined) ?? {})[0] as Json | undefined;
  let value = mediaObject.example ?? named?.value;
  if (value === undefined && mediaObject.schema) value = sampleOf(mediaObject.schema as Json, document, true);
  if (value === undefined) return undefined;
  if (/multipart\/form-data/.test(mimeType) && value && typeof value === "object")
    return { mimeType, params: Object.entries(value as Json).map(([name, item]) => ({ name, value: typeof item === "string" ? item : JSON.stringify(item) })) };
  if (/x-www-form-urlencoded/.test(mimeType) && value && typeof value === "object") {
    const text = new URLSearchParams(Object.entries(value as Json).map(([key, item]) => [key, String(item)])).toString();
    // An empty form (Stripe declares one on 212 GETs and DELETEs) is no body: `--data ''` would make curl POST.
    return text ? { mimeType, text } : undefined;
  }
  return { mimeType, text: typeof value === "string" ? value : JSON.stringify(value, null, 2) };
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
      path = path.split(`{${name}}`).join(encodeURIComponent(value ?? `{${name}}`).replace(/%7B|%7D/g, (c) => (c === "%7B" ? "{" : "}")));
    else if (parameter.in === "query" && parameter.required) queryString.push({ name, value: value ?? `<${name}>` });
    else if (parameter.in === "header" && parameter.required) headers.push({ name, value: value ?? `<${name}>` });
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
      headers.push({ name: "Authorization", value: `Basic ${given ?? "<BASE64(username:password)>"}` });
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
