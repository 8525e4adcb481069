/** `npm run contract:lock`: records the contract's fingerprint with its version, after bumping WAYFINDER_API_VERSION. */
import { writeFileSync } from "node:fs";
import { contractFingerprint } from "@/lib/api/contract/contract-fingerprint";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";

const lock = { version: wayfinderOpenApiDocument.info.version, fingerprint: contractFingerprint(wayfinderOpenApiDocument) };
writeFileSync("lib/api/contract/contract-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Recorded contract ${lock.version}: ${lock.fingerprint}`);
