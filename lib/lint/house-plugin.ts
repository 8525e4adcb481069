import type { HouseRule } from "./house-rules/house-rule";
import { asyncLocation } from "./house-rules/async-location";
import { bearerAuth } from "./house-rules/bearer-auth";
import { cursorPagination } from "./house-rules/cursor-pagination";
import { idempotencyKey } from "./house-rules/idempotency-key";
import { problemDetails } from "./house-rules/problem-details";
import { sunsetOnDeprecated } from "./house-rules/sunset-on-deprecated";
import { validationErrors } from "./house-rules/validation-errors";

/** Every house rule, one per pattern of the pattern library that a document can show. */
export const houseRules: HouseRule[] = [problemDetails, validationErrors, cursorPagination, idempotencyKey, sunsetOnDeprecated, bearerAuth, asyncLocation];

export const HOUSE_PLUGIN_ID = "house";

/** The pattern a house rule's finding links to, by its full id (`house/problem-details`). */
export function housePattern(ruleId: string): string | undefined {
  return houseRules.find((rule) => `${HOUSE_PLUGIN_ID}/${rule.name}` === ruleId)?.pattern;
}

/**
 * The house rules as a Redocly plugin. They read OpenAPI 3.x structures (content maps, components),
 * so Swagger 2.0 documents get the built-in rules only.
 */
export const housePlugin = {
  id: HOUSE_PLUGIN_ID,
  rules: { oas3: Object.fromEntries(houseRules.map((rule) => [rule.name, rule.rule])) },
};
