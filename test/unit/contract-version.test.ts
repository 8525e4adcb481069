import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { contractFingerprint } from "@/lib/api/contract/contract-fingerprint";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";

it("has a new version whenever the contract changes (bump WAYFINDER_API_VERSION, then npm run contract:lock)", () => {
  const lock = JSON.parse(readFileSync("lib/api/contract/contract-lock.json", "utf8")) as { version: string; fingerprint: string };
  const fingerprint = contractFingerprint(wayfinderOpenApiDocument);
  if (fingerprint !== lock.fingerprint) {
    // The contract changed: it must carry a version other than the one recorded for the old contract.
    expect(wayfinderOpenApiDocument.info.version, "the contract changed but WAYFINDER_API_VERSION did not").not.toBe(lock.version);
  }
  expect({ version: wayfinderOpenApiDocument.info.version, fingerprint }, "run npm run contract:lock to record the new version").toEqual(lock);
});
