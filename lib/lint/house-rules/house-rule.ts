import type { Oas3Rule, UserContext } from "@redocly/openapi-core";

/** A house rule: a Redocly rule for OpenAPI 3.x that enforces one pattern of the pattern library. */
export interface HouseRule {
  /** The rule's name under the `house/` plugin, as the ruleset (governance/lint.yaml) names it. */
  name: string;
  /** The pattern that explains it: every finding links there. */
  pattern: string;
  rule: Oas3Rule;
}

/** HTTP methods of an OpenAPI path item, lower-case as the document writes them. */
export const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]);

/** Names compared the way HTTP compares header names. */
export const sameHeader = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Operations under `webhooks` are calls the API makes, not ones it serves: request rules do not apply. */
export const isWebhook = (location: { pointer: string }) => location.pointer.startsWith("#/webhooks/");

/** An operation's parameters, its path item's included, with their `$ref`s resolved. */
export function operationParameters(operation: { parameters?: unknown[] }, ctx: UserContext): { name?: string; in?: string }[] {
  const pathItem = ctx.parent as { parameters?: unknown[] };
  return [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].flatMap((parameter) => {
    const resolved = ctx.resolve(parameter as object).node as { name?: string; in?: string } | undefined;
    return resolved ? [resolved] : [];
  });
}
