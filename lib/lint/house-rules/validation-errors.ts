import { isWebhook, type HouseRule } from "./house-rule";

/** An operation that takes a body says how it refuses one: a `422` (or `400`) response. */
export const validationErrors: HouseRule = {
  name: "validation-errors",
  pattern: "/docs/patterns/validation-at-the-boundary",
  rule: () => ({
    Operation: {
      enter(operation: { requestBody?: unknown; responses?: Record<string, unknown> }, { report, location }) {
        if (!operation.requestBody || isWebhook(location)) return;
        const codes = Object.keys(operation.responses ?? {});
        if (!codes.some((code) => code === "422" || code === "400" || code === "4XX"))
          report({ message: "Takes a request body but documents no `422` response for an invalid one.", location: location.child(["responses"]).key() });
      },
    },
  }),
};
