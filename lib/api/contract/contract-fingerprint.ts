import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * A fingerprint of Wayfinder's OpenAPI document without its version: it changes exactly when the
 * contract does. contract-lock.json records it with the version it belongs to, and a test fails when
 * the contract changed but the version did not (`npm run contract:lock` records a new pair).
 */
export function contractFingerprint(document: { info: { version: string } }): string {
  const { info, ...rest } = document;
  const { version: _version, ...infoWithoutVersion } = info;
  return createHash("sha256")
    .update(canonicalize({ ...rest, info: infoWithoutVersion }) ?? "")
    .digest("hex");
}
