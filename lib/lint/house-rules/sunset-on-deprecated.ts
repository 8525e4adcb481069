import { sameHeader, type HouseRule } from "./house-rule";

/** A deprecated operation says when it goes away: a `Sunset` header on its responses (RFC 8594), or `x-sunset`. */
export const sunsetOnDeprecated: HouseRule = {
  name: "sunset-on-deprecated",
  pattern: "/docs/patterns/versioning-and-deprecation",
  rule: () => ({
    Operation: {
      enter(operation: { deprecated?: boolean; "x-sunset"?: unknown; responses?: Record<string, unknown> }, ctx) {
        if (!operation.deprecated || operation["x-sunset"]) return;
        const announces = Object.values(operation.responses ?? {}).some((response) => {
          const headers = (ctx.resolve(response as object).node as { headers?: Record<string, unknown> } | undefined)?.headers ?? {};
          return Object.keys(headers).some((name) => sameHeader(name, "Sunset"));
        });
        if (!announces)
          ctx.report({
            message: "Deprecated without a date: add a `Sunset` response header or `x-sunset`.",
            location: ctx.location.child(["deprecated"]).key(),
          });
      },
    },
  }),
};
