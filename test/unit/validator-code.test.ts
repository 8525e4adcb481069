/**
 * The `wayfinder` command validates with the official schemas compiled ahead of time (Ajv's standalone
 * code, scripts/validator-code.mjs) where the portal lets the validator library compile them when first
 * used. Both must find the same: over every demo and fixture document, and broken copies of each (a
 * missing required property, a wrong type, an unexpected property, deep and at the top), the generated
 * code gives the same verdict and the same errors as the library's own compiled validator.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { detectSpecFormat } from "@/lib/openapi/detect-format";
import { maskExampleData } from "@/lib/openapi/mask-example-data";
import { VALIDATOR_OPTIONS } from "@/lib/openapi/validate-document";
// @ts-expect-error: plain JavaScript, run by the command's build
import { VALIDATOR_VERSIONS, validatorCode, validatorFolder } from "../../scripts/validator-code.mjs";
import { corpusDocuments } from "../support/corpus-documents";

type Json = Record<string, unknown>;
type AjvFunction = ((data: unknown) => boolean) & { errors?: unknown };

// Each version's generated code as a module, with a require() for the Ajv runtime helpers it names.
const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-validator-code-"));
const generated: Record<string, AjvFunction> = {};
for (const version of VALIDATOR_VERSIONS) {
  const file = path.join(work, `validate-${version}.mjs`);
  const requireFrom = JSON.stringify(path.join(validatorFolder, "index.js"));
  writeFileSync(
    file,
    `import { createRequire } from "node:module";\nconst require = createRequire(${requireFrom});\n${validatorCode(version, VALIDATOR_OPTIONS)}`,
  );
  generated[version] = ((await import(pathToFileURL(file).href)) as { default: AjvFunction }).default;
}
const library = new Validator({ ...VALIDATOR_OPTIONS });
const compiled = (version: string) => (library as unknown as { getAjvValidator(version: string): AjvFunction }).getAjvValidator(version);

const versionOf = (document: Json) => {
  const format = detectSpecFormat(document);
  return format === "swagger-2.0" ? "2.0" : format.replace("openapi-", "");
};

const documents = corpusDocuments();

/** Broken copies: what authors get wrong, at the top and deep inside an operation. */
function brokenCopies(document: Json): [string, Json][] {
  const copy = () => structuredClone(document);
  const withoutInfoVersion = copy();
  delete (withoutInfoVersion.info as Json).version;
  const unexpected = { ...copy(), surprise: true };
  const pathsAsList = { ...copy(), paths: [] };
  const deep = copy();
  const [firstPath] = Object.values((deep.paths ?? {}) as Record<string, Json>);
  const operation =
    firstPath && (Object.values(firstPath).find((value) => typeof value === "object" && value !== null && "responses" in value) as Json | undefined);
  if (operation) operation.responses = { "200": { content: 42 } };
  return [
    ["info.version missing", withoutInfoVersion],
    ["an unexpected top-level property", unexpected],
    ["paths a list", pathsAsList],
    // (A document of webhooks alone has no operation under paths to break.)
    ...(operation ? [["an operation's response broken", deep] as [string, Json]] : []),
  ];
}

describe("the validators compiled ahead of time for the command", () => {
  it.each(documents)("%s: the same verdict and errors as the library's, and on broken copies", async (_name, read) => {
    const document = await read();
    const version = versionOf(document);
    for (const [, subject] of [["as published", document] as [string, Json], ...brokenCopies(document)]) {
      const masked = maskExampleData(subject);
      const ours = generated[version]!;
      const theirs = compiled(version);
      const [ourVerdict, theirVerdict] = [ours(masked), theirs(masked)];
      expect({ verdict: ourVerdict, errors: ours.errors ?? null }).toEqual({ verdict: theirVerdict, errors: theirs.errors ?? null });
    }
    // The broken copies are refused, so the comparison covered errors too.
    for (const [label, subject] of brokenCopies(document)) expect(generated[version]!(maskExampleData(subject)), label).toBe(false);
  });
});
