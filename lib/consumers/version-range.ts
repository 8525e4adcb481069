import semver from "semver";

/**
 * Which versions of a provider a consumer uses, as a semver range: `*` (any), `^1` or `1.x` (the
 * major version 1), `>=2 <4`. Catalogue versions that are not semver (`v2`, `2024-06-01`) are
 * coerced (`2.0.0`, `2024.0.0`); one that cannot be read at all is taken to be in range, so a
 * consumer is never dropped from an impact for a spelling.
 */
const part = "(?:0|[1-9][0-9]*|[xX*])";
const version = `v?${part}(?:\\.${part}){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?`;
// Whitespace only after an operator: a pattern where two \s* can take the same spaces backtracks
// quadratically on a long run of them.
const comparator = `(?:(?:[~^]|[<>]=?|=)\\s*)?${version}`;
const set = `(?:\\*|${comparator}(?:\\s+-\\s+${comparator}|\\s+${comparator})*)`;

/**
 * node-semver's range grammar as one pattern (comparators, `x` wildcards, hyphen ranges, `||`): what
 * a declaration's `versions` must match, stated in the contract as it is enforced. Every match is a
 * range semver reads (test/unit/consumer-impact.test.ts checks that).
 */
export const VERSION_RANGE = new RegExp(`^\\s*${set}(?:\\s*\\|\\|\\s*${set})*\\s*$`);

export function isVersionRange(range: string): boolean {
  return VERSION_RANGE.test(range) && semver.validRange(range.trim() || "*") !== null;
}

export function rangeIncludes(range: string, version: string): boolean {
  const trimmed = range.trim();
  if (trimmed === "" || trimmed === "*") return true;
  const coerced = semver.valid(version) ?? semver.coerce(version)?.version ?? null;
  if (!coerced) return true;
  return semver.satisfies(coerced, trimmed, { includePrerelease: true });
}
