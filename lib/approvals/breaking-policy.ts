import type { BreakingChangePolicy as DbPolicy } from "@/generated/prisma/enums";

/**
 * What publishing breaking changes does, as the API and the forms spell it: accept them, flag them,
 * refuse them unless approved or given a reason, or refuse only those that touch a consumer. The
 * database's enum cannot hold a hyphen (`block_if_consumed`); these two functions are the only
 * crossing. Client-safe.
 */
export const BREAKING_POLICIES = ["allow", "warn", "block", "block-if-consumed"] as const;
export type BreakingPolicy = (typeof BREAKING_POLICIES)[number];

export const policyToDb = (policy: BreakingPolicy): DbPolicy => (policy === "block-if-consumed" ? "block_if_consumed" : policy);
export const policyFromDb = (policy: DbPolicy): BreakingPolicy => (policy === "block_if_consumed" ? "block-if-consumed" : policy);

/** Whether the policy refuses (some) breaking changes at publish. */
export const policyBlocks = (policy: DbPolicy) => policy === "block" || policy === "block_if_consumed";
