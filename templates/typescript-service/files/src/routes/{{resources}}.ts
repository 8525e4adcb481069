/** The {{resources}} collection: list (paged by cursor), create (idempotent) and read one. */
import { createHash } from "node:crypto";
import { Type, type Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { PageQuery, paginate } from "../pagination.ts";
import { ERRORS, Problem, problemResponse } from "../problems.ts";
import type { RouteDeps } from "./deps.ts";

const New{{pascal resource}} = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: "What the {{resource}} is called." }),
    quantity: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: "How many there are." })),
  },
  { $id: "New{{pascal resource}}", additionalProperties: false },
);
type New{{pascal resource}} = Static<typeof New{{pascal resource}}>;

const {{pascal resource}} = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    quantity: Type.Integer(),
    createdAt: Type.String({ description: "When it was created, RFC 3339 in UTC." }),
  },
  { $id: "{{pascal resource}}" },
);

const {{pascal resource}}Page = Type.Object(
  {
    items: Type.Array(Type.Unsafe({ $ref: "{{pascal resource}}#" })),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: "Pass as `cursor` for the next page; null on the last one." }),
  },
  { $id: "{{pascal resource}}Page" },
);

const ok = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `${ref}#` } } } });
const secured = [{ bearerAuth: [] }];

/** The schemas the routes refer to by `$id`: registered on the root, where the OpenAPI document is made. */
export const schemas = [New{{pascal resource}}, {{pascal resource}}, {{pascal resource}}Page];

export function routes({ store, authenticate }: RouteDeps) {
  return async function {{resources}}Routes(app: FastifyInstance): Promise<void> {
    // Before body parsing and validation: anonymous callers get a 401 and nothing else.
    app.addHook("onRequest", authenticate);

    app.get<{ Querystring: PageQuery }>(
      "/{{resources}}",
      {
        schema: {
          operationId: "list{{pascal resources}}",
          summary: "List {{resources}}",
          tags: ["{{resources}}"],
          security: secured,
          querystring: PageQuery,
          response: {
            200: ok("A page of {{resources}}, oldest first.", "{{pascal resource}}Page"),
            400: problemResponse("The request is malformed."),
            401: problemResponse("No valid bearer token."),
            422: problemResponse("The request is invalid."),
          },
        },
      },
      async (request) => paginate(store.all(), request.query, ["createdAt", "id"]),
    );

    app.post<{ Body: New{{pascal resource}}; Headers: { "idempotency-key": string } }>(
      "/{{resources}}",
      {
        schema: {
          operationId: "create{{pascal resource}}",
          summary: "Create a {{resource}}",
          tags: ["{{resources}}"],
          security: secured,
          headers: Type.Object({ "idempotency-key": Type.String({ minLength: 8, maxLength: 200, description: "A UUID per logical request, reused on retries." }) }),
          body: { $ref: "New{{pascal resource}}#" },
          response: {
            201: ok("The new {{resource}} (or, for a retry, the one the first request created).", "{{pascal resource}}"),
            401: problemResponse("No valid bearer token."),
            422: problemResponse("The request is invalid."),
          },
        },
      },
      async (request, reply) => {
        // patterns/idempotency-keys: a retry with the same key and body gets the first answer; another body is a 422.
        const fields = { name: request.body.name, quantity: request.body.quantity ?? 0 };
        const fingerprint = createHash("sha256").update(JSON.stringify(fields)).digest("hex");
        const entry = store.remember(request.headers["idempotency-key"], fingerprint, () => store.insert(fields));
        if (entry.fingerprint !== fingerprint) throw new Problem(422, `${ERRORS}/idempotency-key-reused`, "The Idempotency-Key was used with another body");
        return reply.code(201).header("Location", `/{{resources}}/${entry.row.id}`).send(entry.row);
      },
    );

    app.get<{ Params: { {{resource}}Id: string } }>(
      "/{{resources}}/:{{resource}}Id",
      {
        schema: {
          operationId: "get{{pascal resource}}",
          summary: "Get a {{resource}}",
          tags: ["{{resources}}"],
          security: secured,
          params: Type.Object({ {{resource}}Id: Type.String() }),
          response: {
            200: ok("The {{resource}}.", "{{pascal resource}}"),
            401: problemResponse("No valid bearer token."),
            404: problemResponse("Not found."),
            422: problemResponse("The request is invalid."),
          },
        },
      },
      async (request) => {
        const row = store.get(request.params.{{resource}}Id);
        if (!row) throw new Problem(404, `${ERRORS}/not-found`, "No such {{resource}}", `There is no {{resource}} ${request.params.{{resource}}Id}.`);
        return row;
      },
    );
  };
}
