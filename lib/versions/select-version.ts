import type { VersionView } from "./version-view";

/**
 * The version a page shows: the one named by `version` (its newest revision unless `revision` is
 * given), or else the one the service serves. Undefined when the named one does not exist.
 */
export function selectVersion(versions: VersionView[], wanted: { version?: string; revision?: number }): VersionView | undefined {
  if (!wanted.version) return versions.find((version) => version.isCurrent) ?? versions[0];
  const matching = versions.filter((version) => version.version === wanted.version);
  if (wanted.revision) return matching.find((version) => version.revision === wanted.revision);
  return matching.reduce<VersionView | undefined>((best, version) => (!best || version.revision > best.revision ? version : best), undefined);
}
