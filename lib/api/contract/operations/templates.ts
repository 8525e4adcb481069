import { z } from "zod";
import { templateServiceInputSchema } from "@/lib/templates/template-service-input";
import * as r from "../response-schemas";
import { json, error, changeErrors, noTemplate, templateParams, type Operation } from "../operation-parts";

/** Service templates. */
export const templateOperations = {
  listTemplates: {
    method: "get",
    path: "/templates",
    tags: ["Templates"],
    summary: "List templates",
    description: "The templates new services and endpoints start from (the repository's templates/), with their parameters.",
    access: "read",
    responses: { 200: json("Every template, by name.", r.itemsOf(r.templateSummarySchema)) },
  },
  getTemplate: {
    method: "get",
    path: "/templates/{name}",
    tags: ["Templates"],
    summary: "Get a template with its files",
    description: "What `wayfinder new --from-portal` renders: the manifest and the Handlebars text of every file.",
    access: "read",
    params: templateParams,
    responses: { 200: json("The template.", r.templateSourceSchema), ...noTemplate },
  },
  createServiceFromTemplate: {
    method: "post",
    path: "/templates/{name}/services",
    tags: ["Templates"],
    summary: "Create a service from a template",
    description:
      "Renders a service template with `values` (checked against its parameters; missing ones take their default), registers the service owned by `team` (its slug is the `name` value) and publishes the generated openapi.yaml as its first version, 0.1.0, in one transaction. Only people and tokens who may register services for the team.",
    access: "change",
    params: templateParams,
    body: templateServiceInputSchema.meta({ id: "TemplateServiceInput" }),
    responses: {
      201: json("The new service, its first version and the generated files' paths.", r.templateServiceCreatedSchema),
      ...changeErrors,
      ...noTemplate,
      409: error("A service with this slug exists."),
    },
  },
  downloadTemplateProject: {
    method: "post",
    path: "/templates/{name}/archive",
    tags: ["Templates"],
    summary: "Download a generated project",
    description:
      "The project a service template renders with `values`, as a zip with one folder named after the service. Nothing is stored. Only people and tokens who may register services for `team`.",
    access: "change",
    params: templateParams,
    body: templateServiceInputSchema,
    responses: {
      200: { description: "The project.", schema: z.string().meta({ format: "binary" }), mediaType: "application/zip" },
      ...changeErrors,
      ...noTemplate,
    },
  },
} as const satisfies Record<string, Operation>;
