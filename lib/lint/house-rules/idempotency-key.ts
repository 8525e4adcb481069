import { isWebhook, operationParameters, sameHeader, type HouseRule } from "./house-rule";

/** A POST that creates or starts something (it answers `201` or `202`) takes an `Idempotency-Key` header. */
export const idempotencyKey: HouseRule = {
  name: "idempotency-key",
  pattern: "/docs/patterns/idempotency-keys",
  rule: () => ({
    Operation: {
      enter(operation: { parameters?: unknown[]; responses?: Record<string, unknown> }, ctx) {
        if (ctx.key !== "post" || isWebhook(ctx.location)) return;
        const creates = Object.keys(operation.responses ?? {}).some((code) => code === "201" || code === "202");
        if (!creates) return;
        const takesKey = operationParameters(operation, ctx).some(
          (parameter) => parameter.in === "header" && sameHeader(parameter.name ?? "", "Idempotency-Key"),
        );
        if (!takesKey)
          ctx.report({ message: "Creates something but takes no `Idempotency-Key` header: a retry could do it twice.", location: ctx.location.key() });
      },
    },
  }),
};
