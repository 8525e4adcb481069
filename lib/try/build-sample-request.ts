import { sample } from "openapi-sampler";

type Json = Record<string, unknown>;

/** A request in HAR form, what @scalar/snippetz turns into code. */
export interface HarRequest {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  queryString: { name: string; value: string }[];
  postData?: { mimeType: string; text: string };
}

/** A credential per scheme type: placeholders, or the caller's own values when they ask for them. */
export type Credentials = Record<string, string | undefined>;

function exampleOf(parameter: Json): string | undefined {
  const schema = (parameter.schema as Json | undefined) ?? parameter;
  const value = parameter.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  return value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
}

function requestBody(operation: Json, document: Json): { mimeType: string; text: string } | undefined {
  const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
  const bodyParameter = ((operation.parameters as Json[] | undefined) ?? []).find((parameter) => parameter.in === "body");
  const [mimeType, media] = content
    ? (Object.entries(content).find(([type]) => /json/.test(type)) ?? Object.entries(content)[0] ?? [])
    : bodyParameter
      ? ["application/json", { schema: bodyParameter.schema }]
      : [];
  if (!mimeType || !media) return undefined;
  const mediaObject = media as Json;
  const named = Object.values((mediaObject.examples as Json | undefined) ?? {})[0] as Json | undefined;
  let value = mediaObject.example ?? named?.value;
  if (value === undefined && mediaObject.schema)
    value = sample(mediaObject.schema as never, { skipReadOnly: true, skipNonRequired: false, quiet: true, enablePatterns: true } as never, document as never);
  if (value === undefined) return undefined;
  if (/x-www-form-urlencoded/.test(mimeType) && value && typeof value === "object")
    return { mimeType, text: new URLSearchParams(Object.entries(value as Json).map(([key, item]) => [key, String(item)])).toString() };
  return { mimeType, text: typeof value === "string" ? value : JSON.stringify(value, null, 2) };
}

/**
 * The request a code sample shows for one operation: the chosen server, path and required query
 * parameters filled with their examples (or `{name}` placeholders), an example body (the document's,
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
  const parameters = (operation.parameters as Json[] | undefined) ?? [];
  let path = input.path;
  const queryString: HarRequest["queryString"] = [];
  const headers: HarRequest["headers"] = [];
  for (const parameter of parameters) {
    const name = String(parameter.name);
    const value = exampleOf(parameter);
    if (parameter.in === "path")
      path = path.split(`{${name}}`).join(encodeURIComponent(value ?? `{${name}}`).replace(/%7B|%7D/g, (c) => (c === "%7B" ? "{" : "}")));
    else if (parameter.in === "query" && parameter.required) queryString.push({ name, value: value ?? `<${name}>` });
    else if (parameter.in === "header" && parameter.required) headers.push({ name, value: value ?? `<${name}>` });
  }
  const schemes = (((document.components as Json | undefined)?.securitySchemes as Json | undefined) ??
    (document.securityDefinitions as Json | undefined) ??
    {}) as Record<string, Json>;
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
  const postData = requestBody(operation, document);
  if (postData) headers.push({ name: "Content-Type", value: postData.mimeType });
  return { method: input.method.toUpperCase(), url: `${input.server.replace(/\/+$/, "")}${path}`, headers, queryString, ...(postData ? { postData } : {}) };
}
