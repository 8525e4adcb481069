import { isWebhook, operationParameters, type HouseRule } from "./house-rule";

interface Schema {
  type?: string | string[];
  properties?: Record<string, unknown>;
}

/** A list is paged by an opaque cursor: a GET answering with a collection takes `cursor` and `limit`, not `page` or `offset`. */
export const cursorPagination: HouseRule = {
  name: "cursor-pagination",
  pattern: "/docs/patterns/pagination",
  rule: () => ({
    Operation: {
      enter(operation: { parameters?: unknown[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }, ctx) {
        if (ctx.key !== "get" || isWebhook(ctx.location)) return;
        const ok = operation.responses?.["200"] && ctx.resolve(operation.responses["200"]).node;
        const schema = ok ? (ctx.resolve(Object.values(ok.content ?? {})[0]?.schema ?? {}).node as Schema | undefined) : undefined;
        if (!schema) return;
        const items = schema.properties?.items ? (ctx.resolve(schema.properties.items as object).node as Schema | undefined) : undefined;
        const isList = schema.type === "array" || items?.type === "array";
        if (!isList) return;
        const names = operationParameters(operation, ctx)
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => parameter.name?.toLowerCase());
        const offsetStyle = names.filter((name) => name === "page" || name === "offset");
        if (offsetStyle.length)
          ctx.report({
            message: `Pages by \`${offsetStyle.join("`, `")}\`: lists page by an opaque \`cursor\` and a \`limit\`.`,
            location: ctx.location.child(["parameters"]).key(),
          });
        else if (!names.includes("cursor") || !names.includes("limit"))
          ctx.report({ message: "Answers with a list but takes no `cursor` and `limit` query parameters.", location: ctx.location.key() });
      },
    },
  }),
};
