import Handlebars from "handlebars";
import { AppError } from "@/lib/platform/errors";
import type { TemplateValues } from "./parameter-schema";

const words = (text: string) =>
  String(text)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const pathParameters = (path: string) => [...String(path).matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

// An environment of our own, so helpers never leak into (or from) another user of Handlebars.
const engine = Handlebars.create();
const helpers: Record<string, (...args: never[]) => unknown> = {
  pascal: (text: string) => words(text).map(capital).join(""),
  camel: (text: string) => words(text).map((word, i) => (i === 0 ? word : capital(word))).join(""),
  snake: (text: string) => words(text).join("_"),
  kebab: (text: string) => words(text).join("-"),
  upper: (text: string) => String(text).toUpperCase(),
  eq: (a: unknown, b: unknown) => a === b,
  // Handlebars passes its options object last; an empty list counts as false, as in {{#if}}.
  or: (...args: unknown[]) => args.slice(0, -1).some((arg) => (Array.isArray(arg) ? arg.length > 0 : Boolean(arg))),
  /** The `{name}` parameters of an OpenAPI path. */
  pathParams: (path: string) => pathParameters(path),
  /** The path as Fastify (and Express) write it: `{id}` → `:id`. */
  colonPath: (path: string) => String(path).replace(/\{([^}]+)\}/g, ":$1"),
  /** The path with each parameter replaced by an example value, for tests. */
  examplePath: (path: string) => String(path).replace(/\{[^}]+\}/g, "example"),
  takesBody: (method: string) => ["post", "put", "patch"].includes(String(method)),
};
for (const [name, helper] of Object.entries(helpers)) engine.registerHelper(name, helper as Handlebars.HelperDelegate);

// Generated code is not HTML: no escaping. Strict: a misspelt name is an error, not an empty string.
const compile = (text: string) => engine.compile(text, { noEscape: true, strict: true });

function renderText(where: string, text: string, values: TemplateValues): string {
  try {
    return compile(text)(values);
  } catch (error) {
    throw new AppError("INTERNAL", `The template's ${where} could not be rendered: ${(error as Error).message}`);
  }
}

/**
 * Renders a template's files (and their paths, which may name parameters) with validated values.
 * Values are data, never template text: a value containing `{{` is written as it is.
 */
export function renderFiles(files: Record<string, string>, values: TemplateValues): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const target = renderText(`path ${path}`, path, values);
    if (target.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
      throw new AppError("INTERNAL", `The template's path ${path} renders to ${target}, which is not a relative path.`);
    }
    rendered[target] = renderText(`file ${path}`, text, values);
  }
  return rendered;
}

/** Renders one piece of template text (an endpoint's operation fragment). */
export function renderOne(where: string, text: string, values: TemplateValues): string {
  return renderText(where, text, values);
}
