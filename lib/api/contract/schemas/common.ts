import { z } from "zod";
import { errorStatus } from "@/lib/platform/errors";

/** Shared parts of the REST API's response schemas: slugs, dates, references, the error shape, lists. */
export const isoDate = z.iso.datetime({ offset: true });

export const nullableDate = isoDate.nullable();

export const slugRef = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(63)
  .meta({ id: "Slug", examples: ["payments-api"] });

export const lifecycleSchema = z.enum(["experimental", "production", "deprecated", "retired"]).meta({ id: "Lifecycle" });

export const specFormatSchema = z.enum(["swagger-2.0", "openapi-3.0", "openapi-3.1"]).meta({ id: "SpecFormat" });

export const linkKind = z.enum(["runbook", "dashboard", "docs", "chat", "other"]);

export const teamRefSchema = z.object({ slug: slugRef, name: z.string() }).meta({ id: "TeamRef" });

export const versionRefSchema = z
  .object({ version: z.string(), revision: z.int().min(1), format: specFormatSchema, operationCount: z.int().min(0), createdAt: isoDate })
  .meta({ id: "VersionRef" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

/** `{ items: [...] }`, the shape of every list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
