import { describe, expect, it } from "vitest";
import { selectVersion } from "@/lib/versions/select-version";
import type { VersionView } from "@/lib/versions/version-view";

const version = (label: string, revision: number, isCurrent = false): VersionView => ({
  version: label,
  revision,
  isCurrent,
  format: "openapi-3.0",
  title: "T",
  operationCount: 1,
  sizeBytes: 1,
  contentHash: "sha256:x",
  origin: "push",
  createdAt: "2026-01-01T00:00:00.000Z",
  changes: null,
});

describe("selectVersion", () => {
  const versions = [version("2.0.0", 2, true), version("2.0.0", 1), version("1.0.0", 1)];

  it("defaults to the current version", () => expect(selectVersion(versions, {})).toBe(versions[0]));
  it("picks the newest revision of a named version", () => expect(selectVersion(versions, { version: "2.0.0" })).toBe(versions[0]));
  it("picks a named revision", () => expect(selectVersion(versions, { version: "2.0.0", revision: 1 })).toBe(versions[1]));
  it("finds nothing for an unknown version or revision", () => {
    expect(selectVersion(versions, { version: "9" })).toBeUndefined();
    expect(selectVersion(versions, { version: "1.0.0", revision: 3 })).toBeUndefined();
  });
});
