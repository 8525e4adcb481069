import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import type { Finding } from "@/lib/conformance/check-exchange";
import { checkExchange } from "@/lib/conformance/check-exchange";
import { evaluateLinkExpression, fixtureFor, planRequests, type Fixtures, type PlannedOperation } from "@/lib/conformance/plan-requests";
import { FindingTally } from "@/lib/conformance/tally-findings";
import { formatVerifyReport, tallyCases, type VerifyCase, type VerifyFormat, type VerifyResult } from "@/lib/conformance/verify-report";
import { securitySchemesOf } from "@/lib/openapi/security-schemes";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { parseCliEnv, parseVerifyCredentials, verifyAuthVariable } from "@/lib/platform/env";
import { sampleBody } from "@/lib/try-it/mock/sample-body";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import type { MockTarget } from "@/lib/try-it/mock/mock-request";
import { readApi } from "./read-api";

/** `wayfinder verify`: 0 the service honours its contract, 1 a mismatch, 2 it could not run (no contract, nothing answered, usage). */
export const VERIFY_EXIT = { ok: 0, mismatch: 1, cannotRun: 2 } as const;

export interface VerifyOptions {
  contract?: string;
  service?: string;
  version?: string;
  baseUrl: string;
  includeWrites: boolean;
  negative: boolean;
  fixtures?: string;
  format: VerifyFormat;
  concurrency: number;
  timeoutMs: number;
}

type Json = Record<string, unknown>;
interface Received {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The contract: a file or URL, or the version the portal serves (or `--version`) of `--service`. */
async function loadContract(options: VerifyOptions, portal: string | undefined): Promise<{ document: Json; name: string }> {
  if (options.contract)
    return { document: (await readApi(options.contract, ingestLimitsFromEnv(parseCliEnv(process.env)), undefined, false)).document, name: options.contract };
  if (!portal) throw new Error("give a contract file or URL, or --service with WAYFINDER_URL set");
  const service = encodeURIComponent(options.service!);
  let version = options.version;
  if (!version) {
    const listed = await fetch(new URL(`/api/v1/services/${service}/versions`, portal));
    if (!listed.ok) throw new Error(`cannot list the versions of "${options.service}" at ${portal}: HTTP ${listed.status}`);
    const items = ((await listed.json()) as { items: { version: string; isCurrent: boolean }[] }).items;
    version = items.find((item) => item.isCurrent)?.version ?? items[0]?.version;
    if (!version) throw new Error(`"${options.service}" has no published version`);
  }
  const response = await fetch(new URL(`/api/v1/services/${service}/versions/${encodeURIComponent(version)}/document`, portal));
  if (!response.ok) throw new Error(`cannot read version ${version} of "${options.service}": HTTP ${response.status}`);
  return { document: (await response.json()) as Json, name: options.service! };
}

function serialise(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}

/** Headers and query values that meet the operation's security, from WAYFINDER_VERIFY_AUTH_<SCHEME>; the schemes it could not meet. */
function credentialsFor(document: Json, operation: PlannedOperation, credentials: Record<string, string>) {
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  const missing: string[] = [];
  const schemes = securitySchemesOf(document);
  for (const name of operation.security) {
    const value = credentials[verifyAuthVariable(name)];
    const scheme = schemes[name];
    if (!value || !scheme) {
      missing.push(verifyAuthVariable(name));
      continue;
    }
    if (scheme.type === "apiKey" && typeof scheme.name === "string") {
      if (scheme.in === "query") query[scheme.name] = value;
      else if (scheme.in === "cookie") headers.cookie = `${scheme.name}=${value}`;
      else headers[scheme.name.toLowerCase()] = value;
    } else if (scheme.type === "basic" || (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic"))
      headers.authorization = `Basic ${Buffer.from(value).toString("base64")}`;
    else headers.authorization = `Bearer ${value}`;
  }
  return { headers, query, missing };
}

class Runner {
  readonly target: MockTarget;
  /** Parameter values that responses' links gave, per target operation (operationId or `METHOD /path`). */
  readonly linked = new Map<string, Record<string, unknown>>();
  private readonly byId = new Map<string, PlannedOperation>();

  constructor(
    readonly document: Json,
    readonly options: VerifyOptions,
    readonly fixtures: Fixtures,
    readonly credentials: Record<string, string>,
  ) {
    this.target = { document, operations: buildMockOperations(document) };
  }

  keyOf(operation: PlannedOperation): string {
    return operation.operationId ?? `${operation.method} ${operation.path}`;
  }

  index(operations: PlannedOperation[]) {
    for (const operation of operations) if (operation.operationId) this.byId.set(operation.operationId, operation);
  }

  /** A value for a parameter: a fixture, the parameter's example, a link's, else (when `sample`) one sampled from its schema. */
  value(operation: PlannedOperation, parameter: PlannedOperation["parameters"][number], sample: boolean): unknown {
    const fixture = fixtureFor(this.fixtures, operation, parameter.name);
    if (fixture !== undefined) return fixture;
    if (parameter.example !== undefined) return parameter.example;
    const linked = this.linked.get(this.keyOf(operation))?.[parameter.name];
    if (linked !== undefined) return linked;
    return sample ? sampleBody(this.document, parameter.schema) : undefined;
  }

  /** The request for an operation, or the path parameter there is no value for yet. */
  build(
    operation: PlannedOperation,
    sample: boolean,
    leaveOut?: string,
  ): { url: URL; init: RequestInit; path: string; query: string[]; missing: string[] } | { needs: string } {
    let path = operation.path;
    const url = new URL(this.options.baseUrl.replace(/\/+$/, ""));
    const headers: Record<string, string> = { accept: "application/json, */*;q=0.5", "user-agent": "wayfinder verify" };
    const query = new URLSearchParams();
    for (const parameter of operation.parameters) {
      if (!parameter.required || parameter.name === leaveOut) continue;
      const value = this.value(operation, parameter, sample);
      if (value === undefined) {
        if (parameter.in === "path") return { needs: parameter.name };
        continue;
      }
      if (parameter.in === "path") path = path.split(`{${parameter.name}}`).join(encodeURIComponent(serialise(value)));
      else if (parameter.in === "query") for (const item of Array.isArray(value) ? value : [value]) query.append(parameter.name, serialise(item));
      else if (parameter.in === "header") headers[parameter.name.toLowerCase()] = serialise(value);
      else headers.cookie = `${headers.cookie ? `${headers.cookie}; ` : ""}${parameter.name}=${serialise(value)}`;
    }
    const auth = credentialsFor(this.document, operation, this.credentials);
    Object.assign(headers, auth.headers);
    for (const [name, value] of Object.entries(auth.query)) query.set(name, value);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
    url.search = query.toString();
    let body: string | undefined;
    if (operation.body && !["GET", "HEAD"].includes(operation.method)) {
      headers["content-type"] = operation.body.mediaType;
      const value = "example" in operation.body ? operation.body.example : operation.body.schema ? sampleBody(this.document, operation.body.schema) : {};
      body = /form-urlencoded/.test(operation.body.mediaType)
        ? new URLSearchParams(Object.entries((value ?? {}) as Json).map(([k, v]) => [k, serialise(v)])).toString()
        : serialise(value ?? {});
    }
    return { url, init: { method: operation.method, headers, body, redirect: "manual" }, path, query: [...query.keys()], missing: auth.missing };
  }

  async send(url: URL, init: RequestInit): Promise<Received> {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs) });
    const bytes = new Uint8Array(await response.arrayBuffer()).subarray(0, MAX_BODY_BYTES);
    const text = new TextDecoder().decode(bytes);
    const headers = Object.fromEntries(response.headers);
    let body: unknown;
    try {
      body = /json/i.test(headers["content-type"] ?? "") ? JSON.parse(text) : text;
    } catch {
      body = text;
    }
    return { status: response.status, headers, text, body };
  }

  /** Follows the links a response declares: the values they give the operations they point to. */
  follow(operation: PlannedOperation, received: Received) {
    for (const link of operation.links) {
      if (link.status !== String(received.status) && !(link.status.endsWith("XX") && link.status[0] === String(received.status)[0])) continue;
      const target = link.operationId ? this.byId.get(link.operationId) : undefined;
      const key = target ? this.keyOf(target) : link.operationRef ? decodeURIComponent(link.operationRef.split("/").slice(-2).join(" ")) : undefined;
      if (!key) continue;
      const values = this.linked.get(key) ?? {};
      for (const [name, expression] of Object.entries(link.parameters)) {
        const value = evaluateLinkExpression(expression, received);
        if (value !== undefined) values[name.replace(/^(path|query|header)\./, "")] = value;
      }
      this.linked.set(key, values);
    }
  }

  async check(operation: PlannedOperation, sample: boolean): Promise<VerifyCase | { needs: string }> {
    const name = `${operation.method} ${operation.path}`;
    const request = this.build(operation, sample);
    if ("needs" in request) return request;
    const started = performance.now();
    try {
      const received = await this.send(request.url, request.init);
      this.follow(operation, received);
      const verdict = checkExchange(this.target, {
        method: operation.method,
        path: request.path,
        queryNames: request.query,
        status: received.status,
        headers: received.headers,
        body: received.text,
      });
      const reason = request.missing.length ? `sent without credentials (set ${request.missing.join(", ")})` : undefined;
      return {
        name,
        outcome: verdict.findings.length ? "failed" : "passed",
        status: received.status,
        findings: verdict.findings,
        reason,
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      const cause = ((error as { cause?: Error }).cause ?? (error as Error)).message;
      return { name, outcome: "error", findings: [], reason: `not answered: ${cause}`, ms: Math.round(performance.now() - started) };
    }
  }

  /** The request without its first required query or header parameter: the contract says it must be refused. */
  async negative(operation: PlannedOperation): Promise<VerifyCase | null> {
    const left = operation.parameters.find((parameter) => parameter.required && (parameter.in === "query" || parameter.in === "header"));
    if (!left) return null;
    const name = `${operation.method} ${operation.path} (negative: without ${left.in} ${left.name})`;
    const request = this.build(operation, true, left.name);
    if ("needs" in request) return null;
    const started = performance.now();
    try {
      const received = await this.send(request.url, request.init);
      const accepted = received.status >= 200 && received.status < 300;
      const findings: Finding[] = accepted
        ? [
            {
              kind: "accepted-invalid",
              pointer: `/${left.in}/${left.name}`,
              rule: "required",
              message: `answered ${received.status} without the required ${left.in} parameter \`${left.name}\`; it must be refused`,
            },
          ]
        : [];
      return { name, outcome: accepted ? "failed" : "passed", status: received.status, findings, ms: Math.round(performance.now() - started) };
    } catch (error) {
      return { name, outcome: "error", findings: [], reason: `not answered: ${(error as Error).message}`, ms: Math.round(performance.now() - started) };
    }
  }
}

/** Runs `work` over `items`, at most `limit` at a time, keeping their order in the results. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** Sends the run's findings to the portal for the version it checked (WAYFINDER_URL, WAYFINDER_TOKEN). */
async function record(portal: string, token: string, service: string, version: string, cases: VerifyCase[]): Promise<string> {
  const tally = new FindingTally();
  const operationOf = (item: VerifyCase) => item.name.replace(/ \(negative: .*\)$/, "");
  for (const item of cases) tally.add({ operation: operationOf(item), documented: true, findings: item.findings });
  // An operation passed when it was called and none of its cases (negative ones included) failed.
  const failed = new Set(cases.filter((item) => item.outcome === "failed" || item.outcome === "error").map(operationOf));
  const passed = [...new Set(cases.filter((item) => item.outcome === "passed").map(operationOf))].filter((operation) => !failed.has(operation));
  const findings = tally.findings().map(({ operation, kind, pointer, rule, message, count }) => ({ operation, kind, pointer, rule, message, count }));
  const sent = cases.filter((item) => item.outcome === "passed" || item.outcome === "failed");
  const response = await fetch(new URL(`/api/v1/services/${encodeURIComponent(service)}/conformance`, portal), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      version,
      exchanges: sent.length,
      mismatched: sent.filter((item) => item.outcome === "failed").length,
      findings: findings.slice(0, 1000),
      passed: passed.slice(0, 10_000),
    }),
  });
  if (!response.ok) throw new Error(`the portal refused the run: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return `recorded for ${service} ${version} in ${portal}`;
}

/**
 * `wayfinder verify [<contract>] --base-url <url> [--service <slug>]`: calls every operation of the
 * contract it safely can against a running service (GET and HEAD; writes with --include-writes), with
 * values from --fixtures, examples, links between operations and finally the schemas, and checks each
 * response as the portal checks Try it out's; --negative adds requests that must be refused. With
 * WAYFINDER_TOKEN and --service the run is recorded for that version in the portal.
 */
export async function verifyCommand(options: VerifyOptions): Promise<number> {
  const config = parseCliEnv(process.env);
  let contract: { document: Json; name: string };
  let fixtures: Fixtures = {};
  let credentials: Record<string, string>;
  try {
    credentials = parseVerifyCredentials(process.env);
    contract = await loadContract(options, config.WAYFINDER_URL);
    if (options.fixtures) fixtures = (parse(await readFile(options.fixtures, "utf8")) ?? {}) as Fixtures;
    new URL(options.baseUrl);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return VERIFY_EXIT.cannotRun;
  }
  const started = performance.now();
  const runner = new Runner(contract.document, options, fixtures, credentials);
  const planned = planRequests(contract.document);
  runner.index(planned);
  const safe = planned.filter((operation) => options.includeWrites || operation.method === "GET" || operation.method === "HEAD");
  const cases: VerifyCase[] = planned
    .filter((operation) => !safe.includes(operation))
    .map((operation) => ({
      name: `${operation.method} ${operation.path}`,
      outcome: "skipped",
      findings: [],
      reason: "a write (run with --include-writes)",
      ms: 0,
    }));
  // First what needs no invented path value; then what links from those responses (or schemas) fill in.
  const first = await inPool(safe, options.concurrency, (operation) => runner.check(operation, false));
  const deferred = safe.filter((_, index) => "needs" in first[index]!);
  cases.push(...(first.filter((item) => !("needs" in item)) as VerifyCase[]));
  const second = await inPool(deferred, options.concurrency, (operation) => runner.check(operation, true));
  second.forEach((item, index) => {
    const operation = deferred[index]!;
    cases.push(
      "needs" in item
        ? {
            name: `${operation.method} ${operation.path}`,
            outcome: "skipped",
            findings: [],
            reason: `no value for {${item.needs}} (give one in --fixtures)`,
            ms: 0,
          }
        : item,
    );
  });
  if (options.negative)
    cases.push(...(await inPool(safe, options.concurrency, (operation) => runner.negative(operation))).filter((item): item is VerifyCase => item !== null));
  const version = String((contract.document.info as Json | undefined)?.version ?? "");
  const result: VerifyResult = { contract: contract.name, version, baseUrl: options.baseUrl, cases, ms: Math.round(performance.now() - started) };
  console.log(formatVerifyReport(result, options.format));
  const totals = tallyCases(cases);
  if (options.service && config.WAYFINDER_URL && config.WAYFINDER_TOKEN && totals.passed + totals.failed > 0) {
    try {
      console.error(await record(config.WAYFINDER_URL, config.WAYFINDER_TOKEN, options.service, version, cases));
    } catch (error) {
      console.error(`error: ${(error as Error).message}`);
      return VERIFY_EXIT.cannotRun;
    }
  }
  if (totals.failed) return VERIFY_EXIT.mismatch;
  if (totals.errors || totals.passed === 0) return VERIFY_EXIT.cannotRun;
  return VERIFY_EXIT.ok;
}
