import type { PublishDiff } from "./publish-version";

/** What a publish did, in one or two sentences for the person or the CI job that sent the document. */
export function describePublish(
  result: {
    outcome: "created" | "unchanged";
    version: string;
    revision: number;
    operationCount: number;
    diff?: PublishDiff | null;
  },
  options: { warnBreaking?: boolean; pastSunset?: { operation: string; sunset: string }[] } = {},
): string {
  const late = options.pastSunset?.length
    ? ` Warning: ${options.pastSunset.map(({ operation, sunset }) => `${operation} (sunset ${sunset})`).join(", ")} ${options.pastSunset.length === 1 ? "is" : "are"} past ${options.pastSunset.length === 1 ? "its" : "their"} sunset and still published.`
    : "";
  return describeOutcome(result, options) + late;
}

function describeOutcome(result: Parameters<typeof describePublish>[0], options: { warnBreaking?: boolean }): string {
  if (result.outcome === "unchanged") return `Unchanged: this content is already stored as ${result.version} revision ${result.revision}.`;
  const operations = `${result.operationCount} operation${result.operationCount === 1 ? "" : "s"}`;
  const what =
    result.revision > 1
      ? `Published as revision ${result.revision} of ${result.version} (${operations}): the content differs from revision ${result.revision - 1} but info.version is still ${result.version}, so ${result.version} now shows this revision (the earlier ones are kept). Change info.version to publish a new version instead.`
      : `Published ${result.version} as a new version (${operations}).`;
  if (!result.diff) return result.revision > 1 ? what : `${what} It is the service's first version.`;
  const { breaking, warning, info } = result.diff.summary;
  const changes =
    breaking + warning + info === 0
      ? `No changes to the API since ${result.diff.base.version} revision ${result.diff.base.revision} (only text that does not change behaviour, or nothing).`
      : `Since ${result.diff.base.version} revision ${result.diff.base.revision}: ${breaking} breaking, ${warning} potentially breaking, ${info} other change${info === 1 ? "" : "s"}.`;
  const semver = result.diff.semverViolation ? ` Breaking changes without a new major version (${result.diff.base.version} → ${result.version}).` : "";
  // Under `warn` the breaking changes lead the message (and subscribers get change.breaking); `allow` only counts them.
  const alert =
    breaking && (options.warnBreaking ?? true)
      ? `Warning: ${breaking} breaking change${breaking === 1 ? "" : "s"} for clients of ${result.diff.base.version}${result.diff.acceptedBreakingReason ? `, accepted: "${result.diff.acceptedBreakingReason}"` : ""}. `
      : "";
  return `${alert}${what} ${changes}${semver}`;
}
