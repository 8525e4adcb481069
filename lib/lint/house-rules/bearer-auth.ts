import type { HouseRule } from "./house-rule";

/** APIs take the Identity API's JWTs: the document declares an HTTP bearer scheme. */
export const bearerAuth: HouseRule = {
  name: "bearer-auth",
  pattern: "/docs/patterns/jwt-authentication",
  rule: () => ({
    Root: {
      leave(root: { components?: { securitySchemes?: Record<string, unknown> } }, ctx) {
        const schemes = Object.values(root.components?.securitySchemes ?? {}).map(
          (scheme) => ctx.resolve(scheme as object).node as { type?: string; scheme?: string } | undefined,
        );
        const bearer =
          schemes.some((scheme) => scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer") ||
          schemes.some((scheme) => scheme?.type === "openIdConnect");
        if (!bearer) ctx.report({ message: "Declares no HTTP bearer (JWT) security scheme.", location: ctx.location.child(["components"]).key() });
      },
    },
  }),
};
