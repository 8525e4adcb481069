import { z } from "zod";
import type { TemplateParameter } from "./template-manifest";

function valueSchema(parameter: TemplateParameter): z.ZodType {
  if (parameter.type === "boolean") return z.boolean("must be true or false");
  if (parameter.type === "integer") {
    let schema = z.int("must be a whole number");
    if (parameter.minimum !== undefined) schema = schema.min(parameter.minimum, `must be at least ${parameter.minimum}`);
    if (parameter.maximum !== undefined) schema = schema.max(parameter.maximum, `must be at most ${parameter.maximum}`);
    return schema;
  }
  if (parameter.enum) return z.enum(parameter.enum as [string, ...string[]], `must be one of ${parameter.enum.join(", ")}`);
  // Whatever a manifest's pattern says: a control character (CR, NUL, …) breaks the code a value lands in.
  let schema = z
    .string("must be text")
    .trim()
    .regex(/^[^\x00-\x1f\x7f\u2028\u2029]*$/, "must not contain control characters (line breaks, NUL, …)");
  if (parameter.minLength !== undefined) schema = schema.min(parameter.minLength, `must be at least ${parameter.minLength} characters`);
  if (parameter.maxLength !== undefined) schema = schema.max(parameter.maxLength, `must be at most ${parameter.maxLength} characters`);
  if (parameter.pattern) schema = schema.regex(new RegExp(parameter.pattern), parameter.patternMessage ?? `must match ${parameter.pattern}`);
  return schema;
}

/**
 * The schema a template's values must meet, built from its manifest's parameters: the portal's form
 * (zodResolver), its server and `wayfinder new` all validate with it. Missing values take their default;
 * unknown ones are refused, since a misspelt `--set` would otherwise be silently ignored.
 */
export function parameterSchema(parameters: readonly TemplateParameter[]) {
  return z.strictObject(Object.fromEntries(parameters.map((parameter) => [parameter.name, valueSchema(parameter).default(parameter.default as never)])));
}

export type TemplateValues = Record<string, string | number | boolean>;

/** The default values of a template's parameters. */
export function defaultValues(parameters: readonly TemplateParameter[]): TemplateValues {
  return Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.default]));
}

/** Turns `--set key=value` text into the parameter's type (the schema then checks it). */
export function valueFromText(parameter: TemplateParameter, text: string): string | number | boolean {
  if (parameter.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (parameter.type === "integer" && /^-?\d+$/.test(text)) return Number(text);
  return text;
}
