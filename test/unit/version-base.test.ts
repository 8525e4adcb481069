import { describe, expect, it } from "vitest";
import { versionBase, violatesSemver } from "@/lib/versions/version-base";

const v = (version: string, revision: number, day: number) => ({ version, revision, createdAt: new Date(2026, 0, day) });

describe("what a new version is compared with", () => {
  const existing = [v("1.0.0", 1, 1), v("1.0.0", 2, 2), v("1.1.0", 1, 3), v("2.0.0", 1, 4)];

  it("takes the latest revision of the same version", () => {
    expect(versionBase(existing, "1.0.0")).toMatchObject({ version: "1.0.0", revision: 2 });
  });

  it("else the highest earlier version, by semantic versioning, even when published out of order", () => {
    expect(versionBase(existing, "1.2.0")).toMatchObject({ version: "1.1.0" });
    expect(versionBase(existing, "3.0.0")).toMatchObject({ version: "2.0.0" });
  });

  it("else the most recently published; nothing for a first version", () => {
    expect(versionBase([v("2022-03-25", 1, 1), v("2021-12-17", 1, 2)], "2023-01-01")).toMatchObject({ version: "2021-12-17" });
    expect(versionBase([], "1.0.0")).toBeUndefined();
  });
});

describe("semantic versioning of breaking changes", () => {
  it("asks for a new major version, or a new minor while the major is 0", () => {
    expect(violatesSemver("1.4.0", "1.5.0", 1)).toBe(true);
    expect(violatesSemver("1.4.0", "2.0.0", 1)).toBe(false);
    expect(violatesSemver("1.4.0", "1.4.0", 1)).toBe(true);
    expect(violatesSemver("0.3.1", "0.3.2", 2)).toBe(true);
    expect(violatesSemver("0.3.1", "0.4.0", 2)).toBe(false);
    expect(violatesSemver("1.4.0", "1.5.0", 0)).toBe(false);
    expect(violatesSemver("2021-12-17", "2022-03-25", 3)).toBe(false);
  });
});
