/**
 * {{summary}} ({{upper method}} {{path}}): a stub from the typescript-endpoint template. Replace its
 * body with the real work; the contract test keeps it and openapi.yaml in step.
 */
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
{{#if list}}
import { PageQuery } from "../pagination.ts";
{{/if}}
import { {{#unless list}}ERRORS, Problem, {{/unless}}problemResponse } from "../problems.ts";
import type { RouteDeps } from "./deps.ts";
{{#if list}}

const {{pascal operationId}}Page = Type.Object(
  {
    items: Type.Array(Type.Object({}, { additionalProperties: true })),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: "Pass as `cursor` for the next page; null on the last one." }),
  },
  { $id: "{{pascal operationId}}Page" },
);

export const schemas: object[] = [{{pascal operationId}}Page];
{{else}}

export const schemas: object[] = [];
{{/if}}

export function routes({ authenticate }: RouteDeps) {
  return async function {{camel operationId}}Routes(app: FastifyInstance): Promise<void> {
    app.addHook("onRequest", authenticate);
    app.{{method}}(
      "{{colonPath path}}",
      {
        schema: {
          operationId: "{{operationId}}",
          summary: "{{summary}}",
          tags: ["{{tag}}"],
          security: [{ bearerAuth: [] }],
{{#if (pathParams path)}}
          params: Type.Object({ {{#each (pathParams path)}}{{#unless @first}}, {{/unless}}{{this}}: Type.String(){{/each}} }),
{{/if}}
{{#if list}}
          querystring: PageQuery,
{{/if}}
{{#if (takesBody method)}}
          body: Type.Object({}, { additionalProperties: true }),
{{/if}}
          response: {
{{#if list}}
            200: { description: "A page of results.", content: { "application/json": { schema: { $ref: "{{pascal operationId}}Page#" } } } },
            400: problemResponse("The request is malformed."),
{{else}}
            200: { description: "Done.", content: { "application/json": { schema: { type: "object" } } } },
{{/if}}
            401: problemResponse("No valid bearer token."),
{{#if (or (pathParams path) list (takesBody method))}}
            422: problemResponse("The request is invalid."),
{{/if}}
{{#unless list}}
            501: problemResponse("Not implemented yet."),
{{/unless}}
          },
        },
      },
      async () => {
{{#if list}}
        return { items: [], nextCursor: null };
{{else}}
        throw new Problem(501, `${ERRORS}/not-implemented`, "Not implemented yet", "{{operationId}} is a stub: write it in src/routes/{{kebab operationId}}.ts");
{{/if}}
      },
    );
  };
}
