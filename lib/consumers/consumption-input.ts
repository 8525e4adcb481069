import { z } from "zod";
import { slugSchema } from "@/lib/slug";
import { VERSION_RANGE } from "./version-range";

export const MAX_DECLARED_OPERATIONS = 500;
export const MAX_DECLARED_PROVIDERS = 200;

/** Patterns, not refinements: the contract states exactly what the server accepts (contract-drift.test.ts). */
const methods = "GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE";
const operationRef = z
  .string()
  .max(300)
  .regex(
    new RegExp(`^(?:(?:${methods}|${methods.toLowerCase()}) /\\S*|[\\w.:/-]+)$`),
    "must be an operationId or `METHOD /path` (GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH or TRACE)",
  );

/** What a service declares about one API it consumes. */
export const consumptionInputSchema = z
  .object({
    versions: z
      .string()
      .max(100)
      .regex(VERSION_RANGE, "must be a semver range of the provider's versions, e.g. *, ^1, 1.x or >=2 <4")
      .default("*")
      .meta({ description: "The provider's versions it uses, as a semver range (`*`: any)." }),
    operations: z
      .array(operationRef)
      .max(MAX_DECLARED_OPERATIONS)
      .default([])
      .meta({ description: "operationIds or `METHOD /path` templates of the provider; none: the whole API." }),
    fields: z
      .array(z.string().min(1).max(200).regex(/^\S+$/, "must be a property name"))
      .max(200)
      .default([])
      .meta({ description: "Property names it reads or sends; none: any. A change inside other properties does not touch it." }),
  })
  .strict();

export type ConsumptionInput = z.input<typeof consumptionInputSchema>;

/** A whole set of declarations (a wayfinder.consumes.yaml file, as CI publishes it): one entry per provider. */
export const consumesFileSchema = z
  .object({
    service: slugSchema.optional().meta({ description: "The consuming service (the file's; the route's slug wins)." }),
    consumes: z.array(consumptionInputSchema.extend({ api: slugSchema.meta({ description: "The provider's slug." }) })).max(MAX_DECLARED_PROVIDERS),
  })
  .strict();

export type ConsumesFile = z.input<typeof consumesFileSchema>;
