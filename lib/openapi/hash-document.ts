import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * A content hash that ignores formatting and key order: the SHA-256 of the document's RFC 8785
 * canonical JSON. The same API written as YAML or as JSON, indented or not, hashes the same.
 */
export function hashDocument(document: unknown): string {
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new TypeError("document cannot be serialised as JSON");
  return `sha256:${createHash("sha256").update(canonical).digest("hex")}`;
}
