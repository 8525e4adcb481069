import semver from "semver";

/**
 * What a newly published version is compared with: the latest revision of the same version if there
 * is one, else the highest earlier version (by semantic versioning where both labels are semantic
 * versions), else the most recently published one. Undefined for a service's first version.
 */
export function versionBase<T extends { version: string; revision: number; createdAt: Date }>(existing: T[], version: string): T | undefined {
  const sameVersion = existing.filter((candidate) => candidate.version === version);
  if (sameVersion.length) return sameVersion.reduce((best, candidate) => (candidate.revision > best.revision ? candidate : best));
  const newest = (list: T[]) => list.reduce<T | undefined>((best, candidate) => (!best || candidate.createdAt > best.createdAt ? candidate : best), undefined);
  const target = semver.valid(semver.clean(version));
  if (target) {
    const earlier = existing.filter((candidate) => {
      const label = semver.valid(semver.clean(candidate.version));
      return label !== null && semver.lt(label, target);
    });
    if (earlier.length) {
      const highest = earlier.reduce((best, candidate) => (semver.gt(semver.clean(candidate.version)!, semver.clean(best.version)!) ? candidate : best));
      return newest(
        earlier
          .filter((candidate) => candidate.version === highest.version)
          .sort((a, b) => b.revision - a.revision)
          .slice(0, 1),
      );
    }
  }
  return newest(existing);
}

/**
 * Whether breaking changes come without the version bump semantic versioning asks for: a new major
 * version (a new minor while the major is 0). Only when both labels are semantic versions.
 */
export function violatesSemver(baseVersion: string, version: string, breaking: number): boolean {
  if (breaking === 0) return false;
  const from = semver.valid(semver.clean(baseVersion));
  const to = semver.valid(semver.clean(version));
  if (!from || !to) return false;
  return semver.major(from) === 0 ? semver.major(to) === 0 && semver.minor(to) <= semver.minor(from) : semver.major(to) <= semver.major(from);
}
