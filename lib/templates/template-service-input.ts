import { z } from "zod";
import { slugSchema } from "@/lib/slug";
import { parameterSchema } from "./parameter-schema";
import type { TemplateParameter } from "./template-manifest";

/**
 * What `POST /api/v1/templates/{name}/services` (and `/archive`) take: the owning team and the
 * template's values. The REST contract declares this shape; the values are then checked against the
 * template's own parameters (templateServiceSchema), as the portal's form checks them first.
 */
export const templateServiceInputSchema = z.strictObject({
  team: slugSchema.meta({ description: "The slug of the team that will own the service." }),
  values: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .default({})
    .meta({ description: "The template's parameters by name (GET /api/v1/templates/{name}); missing ones take their default." }),
});

/** The same shape with the values checked against one template's parameters: the form's resolver and the server use it. */
export function templateServiceSchema(parameters: readonly TemplateParameter[]) {
  return z.strictObject({ team: slugSchema, values: parameterSchema(parameters) });
}
