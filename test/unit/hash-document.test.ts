import { describe, expect, it } from "vitest";
import { hashDocument } from "@/lib/openapi/hash-document";
import { parseDocumentText } from "@/lib/openapi/parse-document";

describe("hashDocument", () => {
  it("is a sha256 of the content", () => {
    expect(hashDocument({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("ignores key order, whitespace and JSON-versus-YAML", () => {
    const a = parseDocumentText('{"info":{"title":"T","version":"1"},"openapi":"3.1.0"}');
    const b = parseDocumentText("openapi: 3.1.0\ninfo:\n  version: '1'\n  title: T\n");
    expect(hashDocument(a)).toBe(hashDocument(b));
  });

  it("changes when any value changes, including array order", () => {
    expect(hashDocument({ tags: ["a", "b"] })).not.toBe(hashDocument({ tags: ["b", "a"] }));
    expect(hashDocument({ a: "1" })).not.toBe(hashDocument({ a: 1 }));
  });
});
