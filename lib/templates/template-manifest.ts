import { z } from "zod";

const identifier = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "must be a camelCase identifier");

/** One value a template asks for: its type and the rules it must meet, which the form, the API and the CLI all check. */
export const templateParameterSchema = z
  .object({
    name: identifier,
    title: z.string().min(1),
    description: z.string().optional(),
    type: z.enum(["string", "integer", "boolean"]),
    /** A string parameter with a fixed set of choices. */
    enum: z.array(z.string()).min(1).optional(),
    pattern: z.string().optional(),
    /** What `pattern` means, in words: the error shown when a value does not match it. */
    patternMessage: z.string().optional(),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(1).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    /** Every parameter has one: a template generates, and is tested, with its defaults alone. */
    default: z.union([z.string(), z.number(), z.boolean()]),
  })
  .strict();

/** A template's template.yaml. */
export const templateManifestSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case words joined by hyphens"),
    title: z.string().min(1),
    description: z.string().min(1),
    /** A service is a whole new project; an endpoint adds one operation to a project made from `for`. */
    kind: z.enum(["service", "endpoint"]),
    language: z.enum(["python", "typescript"]),
    /** service: the generated project's OpenAPI document, published as the service's first version. */
    contract: z.string().optional(),
    /** endpoint: the service template whose projects it extends. */
    for: z.string().optional(),
    /** endpoint: the rendered fragment merged into the project's OpenAPI document (path, method, operation, components). */
    operation: z.string().optional(),
    implements: z.object({ patterns: z.array(z.string()).default([]), adrs: z.array(z.string()).default([]) }).strict(),
    parameters: z.array(templateParameterSchema).min(1),
  })
  .strict()
  .refine((manifest) => (manifest.kind === "service" ? !!manifest.contract : !!manifest.operation && !!manifest.for), {
    message: "a service template names its `contract`; an endpoint template its `operation` fragment and the template it is `for`",
  });

export type TemplateParameter = z.infer<typeof templateParameterSchema>;
export type TemplateManifest = z.infer<typeof templateManifestSchema>;

/** A template as stored: its manifest, the files it renders (path → text) and, for endpoints, the operation fragment. */
export interface TemplateSource {
  manifest: TemplateManifest;
  files: Record<string, string>;
  operation?: string;
}
