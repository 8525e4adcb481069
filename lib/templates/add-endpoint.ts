import { parse } from "yaml";
import { z } from "zod";
import { AppError } from "@/lib/platform/errors";
import { mergeYamlText } from "./merge-yaml-text";
import { renderFiles, renderOne } from "./render-template";
import type { TemplateSource } from "./template-manifest";
import { templateValues } from "./template-values";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** What an endpoint template's fragment renders to: one operation under `paths`, and the components it refers to. */
const fragmentSchema = z.object({
  paths: z
    .record(z.string().startsWith("/"), z.partialRecord(z.enum(METHODS), z.looseObject({ operationId: z.string() })))
    .refine((paths) => Object.values(paths).flatMap((item) => Object.keys(item)).length === 1, "exactly one operation"),
  components: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export interface AddedEndpoint {
  /** The document's new text: the operation added, every comment, order and style left as they were. */
  contract: string;
  /** New files of the project (handler stub, test), path → text. */
  files: Record<string, string>;
  path: string;
  method: string;
  /** Components the document lacked and got, as `section/name`. */
  addedComponents: string[];
}

function operationIds(document: unknown): Set<string> {
  const ids = new Set<string>();
  const paths = ((document as { paths?: unknown } | null)?.paths ?? {}) as Record<string, Record<string, { operationId?: unknown }> | null>;
  for (const item of Object.values(paths))
    for (const [method, operation] of Object.entries(item ?? {}))
      if ((METHODS as readonly string[]).includes(method) && typeof operation?.operationId === "string") ids.add(operation.operationId);
  return ids;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A JSON document stays JSON: written back with its own indentation (none when it was minified) and key order. */
function asJsonLike(original: string, value: unknown): string {
  const indent = /\n([ \t]+)"/.exec(original)?.[1] ?? "";
  return JSON.stringify(value, null, indent) + (original.endsWith("\n") ? "\n" : "");
}

/**
 * Adds one operation to an OpenAPI document (YAML or JSON text) from an endpoint template: its path and
 * method, and the components it needs that the document lacks (the document's own are kept). The text
 * is edited, not re-printed, so comments, key order and quoting survive. Refuses an operation that
 * exists already, or a taken operationId.
 */
export function addEndpoint(source: TemplateSource, input: unknown, contractText: string): AddedEndpoint {
  if (source.manifest.kind !== "endpoint") throw new AppError("BAD_REQUEST", `"${source.manifest.name}" is a service template, not an endpoint template.`);
  const values = templateValues(source, input);
  const fragmentText = renderOne("operation fragment", source.operation!, values);
  const fragment = fragmentSchema.parse(parse(fragmentText));
  const [path, item] = Object.entries(fragment.paths)[0]!;
  const [method, operation] = Object.entries(item)[0]!;

  let existing: unknown;
  try {
    existing = parse(contractText, { maxAliasCount: 100 });
  } catch (error) {
    throw new AppError("INVALID_DOCUMENT", `The OpenAPI document is not valid YAML: ${(error as Error).message}`);
  }
  if (operationIds(existing).has(operation.operationId)) throw new AppError("CONFLICT", `The document already has an operation "${operation.operationId}".`);

  // An operation at the same path and method is refused; components the document has already are kept.
  const merged = mergeYamlText(contractText, fragmentText, (at) => {
    if (at[0] === "paths") throw new AppError("CONFLICT", `The document already has ${at[2]?.toUpperCase()} ${at[1]}.`);
  });
  return {
    contract: isJson(contractText) ? asJsonLike(contractText, parse(merged.text)) : merged.text,
    files: renderFiles(source.files, values),
    path,
    method,
    addedComponents: merged.added.filter((at) => at[0] === "components").map((at) => at.slice(1).join("/")),
  };
}
