import { z } from "zod";
import { serviceDetailSchema } from "./catalogue";
import { publishResultSchema } from "./versions";

/** Service templates, as the REST API answers them. */
const templateParameterSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string().optional(),
    type: z.enum(["string", "integer", "boolean"]),
    enum: z.array(z.string()).optional(),
    pattern: z.string().optional(),
    patternMessage: z.string().optional(),
    minLength: z.int().optional(),
    maxLength: z.int().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]),
  })
  .meta({ id: "TemplateParameter" });

const templateFields = {
  name: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(["service", "endpoint"]),
  language: z.enum(["python", "typescript"]),
  for: z.string().optional().meta({ description: "Endpoint templates: the service template whose projects they extend." }),
  implements: z
    .object({ patterns: z.array(z.string()), adrs: z.array(z.string()) })
    .meta({ description: "The patterns and ADRs (slugs under /docs) it follows." }),
  parameters: z.array(templateParameterSchema),
};

export const templateSummarySchema = z.object({ ...templateFields, fileCount: z.int().min(0) }).meta({ id: "TemplateSummary" });

export const templateSourceSchema = z
  .object({
    manifest: z.object({ ...templateFields, contract: z.string().optional(), operation: z.string().optional() }),
    files: z.record(z.string(), z.string()).meta({ description: "Every file it renders, path → Handlebars text." }),
    operation: z.string().optional().meta({ description: "Endpoint templates: the operation fragment merged into the project's OpenAPI document." }),
  })
  .meta({ id: "TemplateSource" });

export const templateServiceCreatedSchema = z
  .object({
    service: serviceDetailSchema,
    version: publishResultSchema.omit({ format: true, title: true, sizeBytes: true }).extend({ contentHash: z.string() }),
    files: z.array(z.string()).meta({ description: "The paths of the generated project's files; POST …/archive returns them as a zip." }),
  })
  .meta({ id: "TemplateServiceCreated" });
