import type { IHttpOperation } from "@stoplight/types";
import type { ErrorObject } from "ajv";
import { schemaErrors } from "@/lib/try-it/mock/example-check";
import { findOperation, headerValue, type MockTarget } from "@/lib/try-it/mock/mock-request";
import { escapePointerKey, plainPointerKeys, valueAtPlainPointer } from "@/lib/openapi/json-pointer";
import { securitySchemesOf } from "@/lib/openapi/security-schemes";
import { allowNullInNullableEnums } from "./nullable-enums";
import type { FindingKind } from "./finding-kinds";

/** One HTTP exchange as seen by the proxy, a traffic log or `wayfinder verify`: never more than this is kept of it. */
export interface Exchange {
  method: string;
  /** The path under the API's server, e.g. `/payments/pay_1` (the server's base path already taken off). */
  path: string;
  /** The names of the query parameters sent (values are not needed, and not kept). */
  queryNames?: string[];
  status: number;
  /** Response headers, names in any case. */
  headers: Record<string, string>;
  /** The response body as text, or undefined when it was not recorded (traffic logs often leave it out). */
  body?: string;
}

/** A way an exchange departs from the contract: where, which rule, in words. No value from the body is in it. */
export interface Finding {
  kind: FindingKind;
  /** A JSON pointer into the body, `/header/<name>` or `/query/<name>`; empty for the exchange as a whole. */
  pointer: string;
  /** The schema keyword or check that failed: `type`, `required`, `status`, `json`… */
  rule: string;
  message: string;
}

export interface ExchangeVerdict {
  /** `METHOD /path/template` of the operation the exchange matched; `METHOD /observed/path` when none did. */
  operation: string;
  documented: boolean;
  findings: Finding[];
  /** Why the body was not checked, when it could not be (never taken as a pass in silence). */
  unchecked?: string;
}

/** A response with more mismatches than this is reported as this many: they are all the same story by then. */
const MAX_FINDINGS = 25;

function isJsonMediaType(mediaType: string | undefined): boolean {
  return Boolean(mediaType && /^application\/([\w.+-]*\+)?json$/i.test(mediaType.split(";")[0]!.trim()));
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

const displayPath = (instancePath: string) => plainPointerKeys(instancePath).join(".");

/**
 * Ajv's errors in Wayfinder's words: `amount` is a string, the contract says it must be integer. Says
 * a value's type, never the value. Inside an anyOf or oneOf only the alternative's own verdict is kept
 * (every branch's errors would bury it).
 */
function bodyFindings(errors: ErrorObject[], body: unknown): Finding[] {
  const alternatives = errors.filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf");
  const kept = errors.filter(
    (error) => !alternatives.some((alternative) => alternative !== error && error.schemaPath.startsWith(`${alternative.schemaPath}/`)),
  );
  return kept.map((error) => {
    const where = error.instancePath ? `\`${displayPath(error.instancePath)}\`` : "the body";
    const params = error.params as Record<string, unknown>;
    if (error.keyword === "required" && typeof params.missingProperty === "string") {
      const pointer = `${error.instancePath}/${escapePointerKey(params.missingProperty)}`;
      return { kind: "body", pointer, rule: "required", message: `\`${displayPath(pointer)}\` is missing, the contract requires it` };
    }
    if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string")
      return {
        kind: "body",
        pointer: `${error.instancePath}/${escapePointerKey(params.additionalProperty)}`,
        rule: "additionalProperties",
        message: `${where} has \`${params.additionalProperty}\`, which the contract does not allow`,
      };
    if (error.keyword === "type")
      return {
        kind: "body",
        pointer: error.instancePath,
        rule: "type",
        message: `${where} is ${typeOf(valueAtPlainPointer(body, error.instancePath))}, the contract says it must be ${params.type}`,
      };
    if (error.keyword === "enum" && Array.isArray(params.allowedValues))
      return {
        kind: "body",
        pointer: error.instancePath,
        rule: "enum",
        message: `${where} is none of the values the contract allows (${params.allowedValues
          .slice(0, 10)
          .map((value) => JSON.stringify(value))
          .join(", ")}${params.allowedValues.length > 10 ? ", …" : ""})`,
      };
    if (error.keyword === "anyOf" || error.keyword === "oneOf")
      return {
        kind: "body",
        pointer: error.instancePath,
        rule: error.keyword,
        message: `${where} matches none of the shapes the contract allows there (${error.keyword})`,
      };
    return { kind: "body", pointer: error.instancePath, rule: error.keyword, message: `${where} ${error.message ?? "is invalid"}` };
  });
}

/** The documented response for a status: its own code, else its range (`4XX`), else `default`. */
function documentedResponse(operation: IHttpOperation, status: number) {
  const code = String(status);
  return (
    operation.responses.find((response) => response.code === code) ??
    operation.responses.find((response) => response.code.toUpperCase() === `${code[0]}XX`) ??
    operation.responses.find((response) => response.code === "default")
  );
}

/** The content documented for a media type: exact, else by wildcard (`application/*`, `*\/*`). */
function documentedContent(response: ReturnType<typeof documentedResponse>, mediaType: string | undefined) {
  const contents = response?.contents ?? [];
  const type = (mediaType ?? "").split(";")[0]!.trim().toLowerCase();
  return (
    contents.find((content) => content.mediaType.toLowerCase() === type) ??
    contents.find((content) => content.mediaType === `${type.split("/")[0]}/*`) ??
    contents.find((content) => content.mediaType === "*/*")
  );
}

/** A header value as the type its schema says (headers are text on the wire; `X-Rate-Limit: 10` is an integer). */
function coerceHeader(value: string, schema: Record<string, unknown>): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== "null") : schema.type;
  if ((type === "integer" || type === "number") && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (type === "array") return value.split(",").map((item) => item.trim());
  return value;
}

/** The documented headers of a response: required ones present, and each present one of its schema's type. */
function headerFindings(
  document: Record<string, unknown>,
  operation: IHttpOperation,
  response: NonNullable<ReturnType<typeof documentedResponse>>,
  headers: Record<string, string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const documented of response.headers ?? []) {
    const name = documented.name.toLowerCase();
    if (name === "content-type") continue;
    const value = headerValue(headers, name);
    const pointer = `/header/${escapePointerKey(name)}`;
    if (value === undefined) {
      if (documented.required)
        findings.push({ kind: "header", pointer, rule: "required", message: `the header \`${name}\` is missing, the contract requires it` });
      continue;
    }
    if (!documented.schema) continue;
    const errors = schemaErrors(
      document,
      operation,
      documented.schema as Record<string, unknown>,
      coerceHeader(value, documented.schema as Record<string, unknown>),
    );
    if (errors === "uncompilable" || !errors.length) continue;
    const [first] = errors;
    const params = first!.params as Record<string, unknown>;
    findings.push({
      kind: "header",
      pointer,
      rule: first!.keyword,
      message: first!.keyword === "type" ? `the header \`${name}\` must be ${String(params.type)}` : `the header \`${name}\` ${first!.message ?? "is invalid"}`,
    });
  }
  return findings;
}

/** Query parameters the operation (or an API key scheme) does not declare. */
function undocumentedQuery(document: Record<string, unknown>, operation: IHttpOperation, names: string[]): Finding[] {
  const declared = new Set((operation.request?.query ?? []).map((parameter) => parameter.name));
  for (const scheme of Object.values(securitySchemesOf(document)))
    if (scheme.type === "apiKey" && scheme.in === "query" && typeof scheme.name === "string") declared.add(scheme.name);
  return [...new Set(names)]
    .filter((name) => !declared.has(name))
    .map((name) => ({
      kind: "undocumented-parameter" as const,
      pointer: `/query/${escapePointerKey(name)}`,
      rule: "parameter",
      message: `the query parameter \`${name}\` is not a parameter of the operation`,
    }));
}

/** Routes already found, per operation list: a traffic log calls the same paths over and over, and Prism's router walks every operation (1 ms on Stripe's). */
const routes = new WeakMap<IHttpOperation[], Map<string, IHttpOperation | null>>();
const ROUTES_KEPT = 10_000;

function routed(operations: IHttpOperation[], method: string, path: string): IHttpOperation | null {
  let known = routes.get(operations);
  if (!known) routes.set(operations, (known = new Map()));
  const key = `${method} ${path}`;
  let operation = known.get(key);
  if (operation === undefined) {
    operation = findOperation(operations, method, path);
    // Paths with ids in them never repeat: start over rather than grow without end.
    if (known.size >= ROUTES_KEPT) known.clear();
    known.set(key, operation);
  }
  return operation;
}

/**
 * Checks one exchange against a stored version's contract: is the operation documented, is the status,
 * are the query parameters; do the body and headers match the schema documented for that status and
 * media type. Prism's router finds the operation (as the mock's does); Ajv checks the body and headers
 * against the operation's schemas (lib/try-it/mock/example-check.ts), and every error is said in the
 * contract's terms. Bodies are read, never kept: a finding names a pointer and a rule.
 */
export function checkExchange(target: MockTarget, exchange: Exchange): ExchangeVerdict {
  const method = exchange.method.toUpperCase();
  allowNullInNullableEnums(target.operations);
  const operation = routed(target.operations, method, exchange.path);
  if (!operation)
    return {
      operation: `${method} ${exchange.path}`,
      documented: false,
      findings: [{ kind: "undocumented-operation", pointer: "", rule: "operation", message: `${method} ${exchange.path} is not an operation of the contract` }],
    };
  const findings: Finding[] = undocumentedQuery(target.document, operation, exchange.queryNames ?? []);
  const mediaType = headerValue(exchange.headers, "content-type");
  let body: unknown = exchange.body;
  if (exchange.body !== undefined && exchange.body !== "" && isJsonMediaType(mediaType)) {
    try {
      body = JSON.parse(exchange.body);
    } catch {
      findings.push({ kind: "body", pointer: "", rule: "json", message: `the body is not JSON, though its Content-Type is ${mediaType}` });
      body = undefined;
    }
  }
  if (exchange.body === "") body = undefined;
  // The status, media type and headers are checked here rather than with Prism's validateOutput: it
  // costs 4 ms a call on Stripe's operations even without a body (it prepares the whole response
  // schema each time), and it passes, silently, a body whose schema its Ajv cannot compile.
  const response = documentedResponse(operation, exchange.status);
  const documentedCodes = operation.responses.map((candidate) => candidate.code);
  if (!response)
    findings.push({
      kind: "undocumented-status",
      pointer: "",
      rule: "status",
      message: `the status ${exchange.status} is not documented (${documentedCodes.join(", ")} ${documentedCodes.length === 1 ? "is" : "are"})`,
    });
  const content = documentedContent(response, mediaType);
  // Said when there is something to say it of: a body, or a Content-Type (a log may leave bodies out).
  const wrongMediaType = Boolean(response?.contents?.length && (exchange.body || mediaType !== undefined) && !content);
  if (wrongMediaType)
    findings.push({
      kind: "media-type",
      pointer: "",
      rule: "media-type",
      message: `the response is ${mediaType?.split(";")[0]?.trim() || "of no media type"}, which the contract does not document for ${exchange.status}`,
    });
  if (response) findings.push(...headerFindings(target.document, operation, response, exchange.headers));
  // Without a recorded body there is nothing to say about it (a log that leaves bodies out); a body of
  // an undocumented media type has been said to be one.
  let unchecked: string | undefined;
  if (content?.schema && body !== undefined && !wrongMediaType && isJsonMediaType(mediaType)) {
    const errors = schemaErrors(target.document, operation, content.schema as Record<string, unknown>, body);
    if (errors === "uncompilable") unchecked = "the contract's schema for this response could not be compiled";
    // By pointer, so the same response always reads the same (not in the order the validator walked the schema).
    else findings.push(...bodyFindings(errors, body).sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)));
  }
  return {
    operation: `${operation.method.toUpperCase()} ${operation.path}`,
    documented: true,
    findings: findings.slice(0, MAX_FINDINGS),
    ...(unchecked ? { unchecked } : {}),
  };
}
