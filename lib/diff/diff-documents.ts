import { deref, readApiModel, type ApiModel, type OperationModel } from "./api-model";
import { compareSchemas } from "./compare-schemas";
import type { Change, DiffResult } from "./diff-types";
import { rule } from "./rules";
import { SharedSchemas } from "./shared-schemas";
import { sortedResult } from "./sorted-result";
import { escapePointerKey } from "@/lib/openapi/json-pointer";

/**
 * Compares two API descriptions (Swagger 2.0, OpenAPI 3.0 or 3.1, in any combination; each
 * self-contained, as the pipeline stores them) and classifies every difference a client could notice:
 * operations, parameters, request bodies, responses, security, webhooks and callbacks, deprecation and
 * sunset. `now` decides whether a removed deprecated operation's sunset date has passed.
 */
const STABILITY = ["draft", "alpha", "beta", "stable"];

/**
 * oasdiff's stability semantics: an operation marked `x-stability-level: draft` or `alpha` may change
 * without breaking anyone (its changes are info), a `beta` one's breaking changes are warnings.
 */
function underStability(stability: string | null, change: Change): Change {
  if (change.level === "info" || !stability) return change;
  if (stability === "draft" || stability === "alpha") return { ...change, level: "info", message: `${change.message} (${stability}: may change)` };
  if (stability === "beta" && change.level === "breaking") return { ...change, level: "warning", message: `${change.message} (beta)` };
  return change;
}

/** A stability level must be one of the four, and may not go down. */
function compareStability(before: OperationModel, after: OperationModel, emit: (change: Change) => void): void {
  const operation = `${after.method} ${after.path}`;
  const pointer = { base: before.pointer, revision: after.pointer };
  // Reported when the revision brings it (a document compared with itself has no change).
  if (after.stability !== null && !STABILITY.includes(after.stability) && after.stability !== before.stability) {
    emit({
      id: "api-invalid-stability-level",
      level: rule("api-invalid-stability-level").level,
      operation,
      pointer,
      after: after.stability,
      message: `${operation}: x-stability-level "${after.stability}" is not one of ${STABILITY.join(", ")}`,
    });
    return;
  }
  const rank = (level: string | null) => (level === null ? STABILITY.length - 1 : STABILITY.indexOf(level));
  if (before.stability !== null && !STABILITY.includes(before.stability)) return;
  if (rank(after.stability) < rank(before.stability))
    emit({
      id: "api-stability-decreased",
      level: rule("api-stability-decreased").level,
      operation,
      pointer,
      before: before.stability ?? "stable",
      after: after.stability,
      message: `${operation}'s stability went down from ${before.stability ?? "stable"} to ${after.stability}`,
    });
  else if (rank(after.stability) > rank(before.stability) && before.stability !== null)
    emit({
      id: "api-stability-increased",
      level: rule("api-stability-increased").level,
      operation,
      pointer,
      before: before.stability,
      after: after.stability ?? "stable",
      message: `${operation}'s stability went up from ${before.stability} to ${after.stability ?? "stable"}`,
    });
}

export interface DiffOptions {
  now?: Date;
  /** Also give every operation that reaches a shared schema (DiffResult.reach), for consumer impact. */
  reach?: boolean;
}

export function diffDocuments(base: Record<string, unknown>, revision: Record<string, unknown>, options: DiffOptions = {}): DiffResult {
  const now = options.now ?? new Date();
  const a = readApiModel(base);
  const b = readApiModel(revision);
  const changes: Change[] = [];
  const emit = (change: Change) => changes.push(change);
  const shared = new SharedSchemas();
  const fixed = (id: string, fields: Omit<Change, "id" | "level">) => emit({ id, level: rule(id).level, ...fields });

  for (const [key, operation] of a.operations) {
    const next = b.operations.get(key);
    const name = `${operation.method} ${operation.path}`;
    // What the base promised about this operation's stability decides how much its changes can break.
    const emitFor = (change: Change) => emit(underStability(operation.stability, change));
    if (!next) {
      const sunsetPassed = operation.sunset !== null && !Number.isNaN(Date.parse(operation.sunset)) && Date.parse(operation.sunset) <= now.getTime();
      const id = operation.deprecated ? (sunsetPassed ? "endpoint-removed-after-sunset" : "endpoint-removed-before-sunset") : "endpoint-removed";
      emitFor({
        id,
        level: rule(id).level,
        operation: name,
        pointer: { base: operation.pointer },
        before: operation.sunset ?? undefined,
        message: `${name} was removed${operation.deprecated ? (sunsetPassed ? ` after its sunset (${operation.sunset})` : operation.sunset ? ` before its sunset (${operation.sunset})` : " while deprecated, with no sunset date") : ""}`,
      });
      continue;
    }
    compareOperation(a, b, operation, next, now, emitFor, shared);
    compareStability(operation, next, emit);
  }
  for (const [key, operation] of b.operations) {
    if (!a.operations.has(key))
      fixed("endpoint-added", {
        operation: `${operation.method} ${operation.path}`,
        pointer: { revision: operation.pointer },
        message: `${operation.method} ${operation.path} was added`,
      });
  }

  for (const [name, pointer] of a.webhooks)
    if (!b.webhooks.has(name)) fixed("webhook-removed", { component: `webhook ${name}`, pointer: { base: pointer }, message: `webhook ${name} was removed` });
  for (const [name, pointer] of b.webhooks)
    if (!a.webhooks.has(name)) fixed("webhook-added", { component: `webhook ${name}`, pointer: { revision: pointer }, message: `webhook ${name} was added` });

  for (const [name, scheme] of a.securitySchemes) {
    const next = b.securitySchemes.get(name);
    if (next === undefined)
      fixed("security-scheme-removed", { component: `security scheme ${name}`, pointer: {}, before: scheme, message: `security scheme "${name}" was removed` });
    else if (JSON.stringify(schemeShape(scheme)) !== JSON.stringify(schemeShape(next)))
      fixed("security-scheme-changed", {
        component: `security scheme ${name}`,
        pointer: {},
        before: schemeShape(scheme),
        after: schemeShape(next),
        message: `security scheme "${name}" changed`,
      });
  }
  for (const name of b.securitySchemes.keys())
    if (!a.securitySchemes.has(name))
      fixed("security-scheme-added", { component: `security scheme ${name}`, pointer: {}, message: `security scheme "${name}" was added` });

  for (const url of a.servers)
    if (!b.servers.includes(url))
      fixed("api-server-removed", { component: "servers", pointer: { base: "/servers" }, before: url, message: `server ${url} was removed` });
  for (const url of b.servers)
    if (!a.servers.includes(url))
      fixed("api-server-added", { component: "servers", pointer: { revision: "/servers" }, after: url, message: `server ${url} was added` });

  const reach: string[][] | undefined = options.reach ? [] : undefined;
  changes.push(...shared.flush(reach));
  return { ...sortedResult(changes), ...(reach?.length ? { reach } : {}) };
}

/** What a security scheme promises a client: descriptions and URLs of documentation do not count. */
function schemeShape(scheme: unknown): unknown {
  if (typeof scheme !== "object" || scheme === null) return scheme;
  const { description: _description, ...rest } = scheme as Record<string, unknown>;
  return rest;
}

function compareOperation(
  a: ApiModel,
  b: ApiModel,
  before: OperationModel,
  after: OperationModel,
  now: Date,
  emit: (change: Change) => void,
  shared: SharedSchemas,
): void {
  const name = `${after.method} ${after.path}`;
  const fixed = (id: string, fields: Omit<Change, "id" | "level" | "operation">) => emit({ id, level: rule(id).level, operation: name, ...fields });
  const schemaContext = (subject: string, place: Parameters<typeof compareSchemas>[2]["place"], basePointer: string, revisionPointer: string) => ({
    baseRoot: a.root,
    revisionRoot: b.root,
    owner: { operation: name },
    shared,
    subject,
    place,
    basePointer,
    revisionPointer,
    emit,
  });

  // Deprecation and sunset
  if (!before.deprecated && after.deprecated)
    fixed("endpoint-deprecated", {
      pointer: { revision: after.pointer },
      after: after.sunset ?? undefined,
      message: `${name} was deprecated${after.sunset ? `, sunset ${after.sunset}` : ""}`,
    });
  if (before.deprecated && !after.deprecated)
    fixed("endpoint-reactivated", { pointer: { revision: after.pointer }, message: `${name} is no longer deprecated` });
  if (before.deprecated && after.deprecated && before.sunset && !after.sunset)
    fixed("sunset-deleted", {
      pointer: { base: before.pointer, revision: after.pointer },
      before: before.sunset,
      message: `${name} is still deprecated but no longer has a sunset date (was ${before.sunset})`,
    });
  else if (before.deprecated && after.deprecated && before.sunset !== after.sunset) {
    const earlier = before.sunset && after.sunset && Date.parse(after.sunset) < Date.parse(before.sunset);
    fixed(earlier ? "endpoint-sunset-brought-forward" : "endpoint-sunset-changed", {
      pointer: { base: before.pointer, revision: after.pointer },
      before: before.sunset,
      after: after.sunset,
      message: `${name}'s sunset changed from ${before.sunset ?? "none"} to ${after.sunset ?? "none"}`,
    });
  }

  // Parameters
  for (const [slot, parameter] of before.parameters) {
    const next = after.parameters.get(slot);
    const label = `${parameter.in} parameter "${parameter.name}"`;
    if (!next) {
      const sunsetPassed = parameter.sunset !== null && Date.parse(parameter.sunset) <= now.getTime();
      fixed(parameter.deprecated && !sunsetPassed && parameter.sunset ? "request-parameter-removed-before-sunset" : "request-parameter-removed", {
        pointer: { base: parameter.pointer },
        message: `${label} was removed`,
      });
      continue;
    }
    if (!parameter.required && next.required)
      fixed("request-parameter-became-required", { pointer: { base: parameter.pointer, revision: next.pointer }, message: `${label} became required` });
    if (parameter.required && !next.required)
      fixed("request-parameter-became-optional", { pointer: { base: parameter.pointer, revision: next.pointer }, message: `${label} became optional` });
    if (parameter.deprecated && next.deprecated && parameter.sunset && !next.sunset)
      fixed("request-parameter-sunset-deleted", {
        pointer: { base: parameter.pointer, revision: next.pointer },
        before: parameter.sunset,
        message: `${label} is still deprecated but no longer has a sunset date (was ${parameter.sunset})`,
      });
    if (!parameter.deprecated && next.deprecated)
      fixed("request-parameter-deprecated", {
        pointer: { revision: next.pointer },
        message: `${label} was deprecated${next.sunset ? `, sunset ${next.sunset}` : ""}`,
      });
    const structured = [parameter.schema, next.schema].some((schema) =>
      ["array", "object"].includes(String((deref(a.root, schema) as { type?: unknown } | undefined)?.type)),
    );
    if (structured && (parameter.style !== next.style || parameter.explode !== next.explode))
      fixed("request-parameter-style-changed", {
        pointer: { base: parameter.pointer, revision: next.pointer },
        before: `${parameter.style}${parameter.explode ? ", explode" : ""}`,
        after: `${next.style}${next.explode ? ", explode" : ""}`,
        message: `${label} is serialised differently`,
      });
    compareSchemas(parameter.schema, next.schema, schemaContext(label, "request-parameter", `${parameter.pointer}/schema`, `${next.pointer}/schema`));
  }
  for (const [slot, parameter] of after.parameters) {
    if (before.parameters.has(slot)) continue;
    const label = `${parameter.in} parameter "${parameter.name}"`;
    fixed(parameter.required ? "new-required-request-parameter" : "new-optional-request-parameter", {
      pointer: { revision: parameter.pointer },
      message: `${label} was added${parameter.required ? " as required" : ""}`,
    });
  }

  // Request body
  if (before.body && !after.body) fixed("request-body-removed", { pointer: { base: before.body.pointer }, message: "the request body was removed" });
  if (!before.body && after.body)
    fixed(after.body.required ? "request-body-added-required" : "request-body-added-optional", {
      pointer: { revision: after.body.pointer },
      message: `a${after.body.required ? " required" : "n optional"} request body was added`,
    });
  if (before.body && after.body) {
    if (!before.body.required && after.body.required)
      fixed("request-body-became-required", { pointer: { revision: after.body.pointer }, message: "the request body became required" });
    if (before.body.required && !after.body.required)
      fixed("request-body-became-optional", { pointer: { revision: after.body.pointer }, message: "the request body became optional" });
    for (const [type, schema] of before.body.content) {
      // The same type, else a range (application/*) that now accepts it.
      const counterpart = after.body.content.has(type) ? type : [...after.body.content.keys()].find((candidate) => covers(candidate, type));
      if (!counterpart) {
        fixed("request-body-media-type-removed", {
          pointer: { base: before.body.pointer },
          before: type,
          message: `the request body is no longer accepted as ${type}`,
        });
        continue;
      }
      if (counterpart !== type)
        fixed("request-body-media-type-widened", {
          pointer: { base: before.body.pointer, revision: after.body.pointer },
          before: type,
          after: counterpart,
          message: `the request body's ${type} is now accepted as ${counterpart}`,
        });
      compareSchemas(
        schema,
        after.body.content.get(counterpart),
        schemaContext(
          `the ${counterpart} request body`,
          "request-body",
          `${before.body.pointer}/content/${escapePointerKey(type)}/schema`,
          `${after.body.pointer}/content/${escapePointerKey(counterpart)}/schema`,
        ),
      );
    }
    for (const type of after.body.content.keys())
      if (!before.body.content.has(type))
        fixed("request-body-media-type-added", {
          pointer: { revision: after.body.pointer },
          after: type,
          message: `the request body is now also accepted as ${type}`,
        });
  }

  // Responses
  for (const [status, response] of before.responses) {
    const next = after.responses.get(status);
    if (!next) {
      fixed(/^2/.test(status) ? "response-success-status-removed" : "response-non-success-status-removed", {
        pointer: { base: response.pointer },
        before: status,
        message: `response ${status} was removed`,
      });
      continue;
    }
    for (const [type, schema] of response.content) {
      // The same type, else a range clients cannot rely on (generalized), else a type a former range covers (specialized).
      const keys = [...next.content.keys()];
      const generalized = next.content.has(type) ? undefined : keys.find((candidate) => covers(candidate, type));
      const specialized = next.content.has(type) || generalized ? undefined : keys.find((candidate) => covers(type, candidate));
      const counterpart = next.content.has(type) ? type : (generalized ?? specialized);
      if (!counterpart) {
        fixed("response-media-type-removed", { pointer: { base: response.pointer }, before: type, message: `response ${status} is no longer sent as ${type}` });
        continue;
      }
      if (counterpart !== type)
        fixed(generalized ? "response-media-type-generalized" : "response-media-type-specialized", {
          pointer: { base: response.pointer, revision: next.pointer },
          before: type,
          after: counterpart,
          message: `response ${status} is sent as ${counterpart} instead of ${type}`,
        });
      compareSchemas(
        schema,
        next.content.get(counterpart),
        schemaContext(
          `the ${status} ${counterpart} response`,
          "response-body",
          `${response.pointer}/content/${escapePointerKey(type)}/schema`,
          `${next.pointer}/content/${escapePointerKey(counterpart)}/schema`,
        ),
      );
    }
    for (const type of next.content.keys())
      if (!response.content.has(type))
        fixed("response-media-type-added", { pointer: { revision: next.pointer }, after: type, message: `response ${status} is now also sent as ${type}` });
    for (const [header, value] of response.headers) {
      const nextHeader = next.headers.get(header);
      if (!nextHeader)
        fixed(value.required ? "response-required-header-removed" : "response-optional-header-removed", {
          pointer: { base: response.pointer },
          before: header,
          message: `response ${status} no longer sends header ${header}`,
        });
      else {
        if (value.required && !nextHeader.required)
          fixed("response-header-became-optional", {
            pointer: { base: response.pointer, revision: next.pointer },
            before: header,
            message: `response ${status} header ${header} is no longer always sent`,
          });
        if (!value.required && nextHeader.required)
          fixed("response-header-became-required", {
            pointer: { base: response.pointer, revision: next.pointer },
            after: header,
            message: `response ${status} header ${header} is now always sent`,
          });
        compareSchemas(
          value.schema,
          nextHeader.schema,
          schemaContext(
            `response ${status} header ${header}`,
            "response-header",
            `${response.pointer}/headers/${escapePointerKey(header)}/schema`,
            `${next.pointer}/headers/${escapePointerKey(header)}/schema`,
          ),
        );
      }
    }
    for (const header of next.headers.keys())
      if (!response.headers.has(header))
        fixed("response-header-added", { pointer: { revision: next.pointer }, after: header, message: `response ${status} now sends header ${header}` });
  }
  for (const [status, response] of after.responses)
    if (!before.responses.has(status))
      fixed("response-status-added", { pointer: { revision: response.pointer }, after: status, message: `response ${status} was added` });

  // Security: alternatives (any one suffices), each a set of schemes with scopes
  const describe = (alternative: Map<string, string[]>) => [...alternative.keys()].sort().join(" + ");
  const beforeAlternatives = before.security ?? [];
  const afterAlternatives = after.security ?? [];
  if (!before.security && after.security)
    fixed("security-requirement-added", {
      pointer: { revision: after.pointer },
      after: afterAlternatives.map(describe),
      message: `now needs ${afterAlternatives.map(describe).join(" or ")}`,
    });
  else if (before.security && !after.security)
    fixed("security-requirement-removed", {
      pointer: { revision: after.pointer },
      before: beforeAlternatives.map(describe),
      message: "no longer needs authentication",
    });
  else {
    const afterByKey = new Map(afterAlternatives.map((alternative) => [describe(alternative), alternative]));
    const beforeByKey = new Map(beforeAlternatives.map((alternative) => [describe(alternative), alternative]));
    for (const [key, alternative] of beforeByKey) {
      const next = afterByKey.get(key);
      // A requirement needing fewer schemes at once (A + B became A) asks less of clients, not more.
      const relaxed = !next && afterAlternatives.some((other) => other.size < alternative.size && [...other.keys()].every((scheme) => alternative.has(scheme)));
      if (relaxed)
        fixed("security-requirement-removed", {
          pointer: { base: before.pointer },
          before: key,
          message: `no longer needs all of ${key} at once`,
        });
      else if (!next) fixed("security-alternative-removed", { pointer: { base: before.pointer }, before: key, message: `can no longer be called with ${key}` });
      else
        for (const [scheme, scopes] of next) {
          const old = new Set(alternative.get(scheme) ?? []);
          for (const scope of scopes)
            if (!old.has(scope))
              fixed("security-scope-added", { pointer: { revision: after.pointer }, after: scope, message: `now needs the ${scheme} scope "${scope}"` });
          for (const scope of old)
            if (!scopes.includes(scope))
              fixed("security-scope-removed", {
                pointer: { revision: after.pointer },
                before: scope,
                message: `no longer needs the ${scheme} scope "${scope}"`,
              });
        }
    }
    for (const [key, alternative] of afterByKey) {
      if (beforeByKey.has(key)) continue;
      // Needing more schemes at once than a requirement that is gone (A became A + B) asks more of clients.
      const stricter =
        beforeAlternatives.some((other) => other.size < alternative.size && [...other.keys()].every((scheme) => alternative.has(scheme))) &&
        !beforeAlternatives.some((other) => describe(other) === key);
      if (stricter && !afterAlternatives.some((other) => beforeByKey.has(describe(other))))
        fixed("security-requirement-added", { pointer: { revision: after.pointer }, after: key, message: `now needs all of ${key} at once` });
      else fixed("security-alternative-added", { pointer: { revision: after.pointer }, after: key, message: `can now also be called with ${key}` });
    }
  }

  // Callbacks
  for (const callback of before.callbacks)
    if (!after.callbacks.has(callback))
      fixed("callback-removed", { pointer: { base: `${before.pointer}/callbacks` }, before: callback, message: `callback ${callback} was removed` });
  for (const callback of after.callbacks)
    if (!before.callbacks.has(callback))
      fixed("callback-added", { pointer: { revision: `${after.pointer}/callbacks` }, after: callback, message: `callback ${callback} was added` });

  // Servers the operation (or its path) names instead of the document's; the document's own are compared once.
  if (before.servers || after.servers) {
    const serversBefore = before.servers ?? a.servers;
    const serversAfter = after.servers ?? b.servers;
    for (const url of serversBefore)
      if (!serversAfter.includes(url))
        fixed("endpoint-server-removed", { pointer: { base: before.pointer }, before: url, message: `${name} is no longer served at ${url}` });
    for (const url of serversAfter)
      if (!serversBefore.includes(url))
        fixed("endpoint-server-added", { pointer: { revision: after.pointer }, after: url, message: `${name} is now also served at ${url}` });
  }
}

// Whether a media type range (application/* or the any-type range) covers a media type; parameters (;charset=…) aside.
function covers(range: string, type: string): boolean {
  const [wanted, given] = [range.split(";")[0]!.trim().toLowerCase(), type.split(";")[0]!.trim().toLowerCase()];
  if (wanted === given) return false;
  return wanted === "*/*" || (wanted.endsWith("/*") && given.startsWith(wanted.slice(0, -1)));
}
