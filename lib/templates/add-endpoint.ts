import { isMap, parse, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { renderFiles, renderOne } from "./render-template";
import type { TemplateSource } from "./template-manifest";
import { templateValues } from "./template-values";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** What an endpoint template's operation fragment renders to. */
const fragmentSchema = z.object({
  path: z.string().startsWith("/"),
  method: z.enum(METHODS),
  operation: z.record(z.string(), z.unknown()),
  /** Components the operation refers to (schemas, responses, parameters); added where the document lacks them. */
  components: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export interface AddedEndpoint {
  /** The document's new text: the operation added, every comment, order and style left as they were. */
  contract: string;
  /** New files of the project (handler stub, test), path → text. */
  files: Record<string, string>;
  path: string;
  method: string;
  addedComponents: string[];
}

function operationIds(document: Document): Set<string> {
  const ids = new Set<string>();
  const paths = document.toJS({ maxAliasCount: 100 })?.paths ?? {};
  for (const item of Object.values(paths as Record<string, Record<string, { operationId?: string }>>))
    for (const [method, operation] of Object.entries(item ?? {})) if (METHODS.includes(method as never) && operation?.operationId) ids.add(operation.operationId);
  return ids;
}

/**
 * Adds one operation to an OpenAPI document (YAML or JSON text) from an endpoint template: its path and
 * method, with the components it needs, edited in place through the YAML document model so comments,
 * key order and quoting survive. Refuses an operation that exists already, or a taken operationId.
 */
export function addEndpoint(source: TemplateSource, input: unknown, contractText: string): AddedEndpoint {
  if (source.manifest.kind !== "endpoint") throw new AppError("BAD_REQUEST", `"${source.manifest.name}" is a service template, not an endpoint template.`);
  const values = templateValues(source, input);
  const fragment = fragmentSchema.parse(parse(renderOne("operation fragment", source.operation!, values)));
  const document = parseDocument(contractText, { keepSourceTokens: true });
  if (document.errors.length) throw new AppError("INVALID_DOCUMENT", `The OpenAPI document is not valid YAML: ${document.errors[0]!.message}`);
  if (!isMap(document.contents)) throw new AppError("INVALID_DOCUMENT", "The OpenAPI document is not a mapping.");

  if (document.hasIn(["paths", fragment.path, fragment.method]))
    throw new AppError("CONFLICT", `The document already has ${fragment.method.toUpperCase()} ${fragment.path}.`);
  const operationId = fragment.operation.operationId;
  if (typeof operationId === "string" && operationIds(document).has(operationId))
    throw new AppError("CONFLICT", `The document already has an operation "${operationId}".`);

  if (!document.hasIn(["paths"])) document.setIn(["paths"], document.createNode({}));
  if (document.hasIn(["paths", fragment.path])) document.setIn(["paths", fragment.path, fragment.method], document.createNode(fragment.operation));
  else document.setIn(["paths", fragment.path], document.createNode({ [fragment.method]: fragment.operation }));

  const addedComponents: string[] = [];
  for (const [section, entries] of Object.entries(fragment.components)) {
    for (const [name, value] of Object.entries(entries)) {
      if (document.hasIn(["components", section, name])) continue;
      document.setIn(["components", section, name], document.createNode(value));
      addedComponents.push(`${section}/${name}`);
    }
  }
  return {
    contract: document.toString({ lineWidth: 0 }),
    files: renderFiles(source.files, values),
    path: fragment.path,
    method: fragment.method,
    addedComponents,
  };
}
