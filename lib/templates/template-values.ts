import { AppError, issueDetails } from "@/lib/platform/errors";
import { parameterSchema, type TemplateValues } from "./parameter-schema";
import type { TemplateSource } from "./template-manifest";

/** A template's values, checked against its parameters (defaults filled in); a 400 naming each wrong one. */
export function templateValues(source: TemplateSource, input: unknown): TemplateValues {
  const parsed = parameterSchema(source.manifest.parameters).safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("VALIDATION_FAILED", `Invalid value for template "${source.manifest.name}": ${where}${issue?.message}`, issueDetails(parsed.error.issues));
  }
  return parsed.data as TemplateValues;
}
