import { AppError } from "@/lib/platform/errors";
import { renderFiles } from "./render-template";
import type { TemplateValues } from "./parameter-schema";
import type { TemplateSource } from "./template-manifest";
import { templateValues } from "./template-values";

export interface GeneratedProject {
  values: TemplateValues;
  /** path → text, relative to the project's root. */
  files: Record<string, string>;
  /** The path of its OpenAPI document among `files`. */
  contract: string;
}

/** Renders a service template with the given values (validated, defaults filled in) into a project's files. */
export function generateService(source: TemplateSource, input: unknown): GeneratedProject {
  return renderService(source, templateValues(source, input));
}

/** Renders a service template with values already checked against its parameters (and with their defaults). */
export function renderService(source: TemplateSource, values: TemplateValues): GeneratedProject {
  if (source.manifest.kind !== "service")
    throw new AppError("BAD_REQUEST", `"${source.manifest.name}" is an endpoint template: use it with \`wayfinder new endpoint\`.`);
  const files = renderFiles(source.files, values);
  const contract = source.manifest.contract!;
  if (!(contract in files)) throw new AppError("INTERNAL", `Template "${source.manifest.name}" renders no ${contract}.`);
  return { values, files, contract };
}
