import type { HouseRule } from "./house-rule";

/** Errors are RFC 9457 problem details: a 4xx or 5xx response with a body says `application/problem+json`. */
export const problemDetails: HouseRule = {
  name: "problem-details",
  pattern: "/docs/patterns/error-format",
  rule: () => ({
    Response: {
      enter(response: { content?: Record<string, unknown> }, { key, report, location }) {
        if (!/^[45]/.test(String(key)) || !response.content) return;
        const types = Object.keys(response.content);
        if (types.length && !types.some((type) => type.split(";")[0]!.trim() === "application/problem+json"))
          report({
            message: `Error response \`${String(key)}\` is ${types.join(", ")}: errors are \`application/problem+json\` (RFC 9457).`,
            location: location.child(["content"]).key(),
          });
      },
    },
  }),
};
