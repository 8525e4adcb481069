import { Validator } from "@seriousme/openapi-schema-validator";
import type { DocumentProblem } from "./document-error";
import { checkLocalRefs } from "./check-local-refs";
import type { DocumentShape } from "./inspect-document";

// One validator for the process: it compiles each official schema (Swagger 2.0, OpenAPI 3.0, 3.1)
// once, on first use, and keeps it.
let validator: Validator | undefined;

/** The validator's Ajv options; the CLI's build compiles the same schemas ahead of time with them (scripts/validator-code.mjs). */
export const VALIDATOR_OPTIONS = { allErrors: false } as const;

const MAX_PROBLEMS = 20;

interface AjvLikeError {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

function describe(error: AjvLikeError): string {
  const params = error.params ?? {};
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `unexpected property "${params.additionalProperty}"`;
  }
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return `missing required property "${params.missingProperty}"`;
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`;
  }
  return error.message ?? error.keyword;
}

/** The library's compiled schema for a version (synchronous in the library; the CLI's build loads it, precompiled, asynchronously). */
interface SchemaValidators {
  getAjvValidator(version: string): SchemaCheck | Promise<SchemaCheck>;
}
type SchemaCheck = ((data: unknown) => boolean) & { errors?: AjvLikeError[] | null };

/**
 * What the library's `validate` finds, in its order: the format's version, the schema, then the
 * references. The schema check is the library's own; the reference check is checkLocalRefs, which finds
 * what the library's finds without copying the document (the library's copy was a third of the time).
 */
async function officialProblems(document: Record<string, unknown>, shape?: DocumentShape): Promise<null | { message: string } | AjvLikeError[]> {
  validator ??= new Validator({ ...VALIDATOR_OPTIONS });
  const version = [...Validator.supportedVersions].find((candidate) => {
    const declared = document[candidate === "2.0" ? "swagger" : "openapi"];
    return typeof declared === "string" && declared.startsWith(candidate);
  });
  if (!version) return { message: "Cannot find supported swagger/openapi version in specification, version must be a string." };
  const schemaCheck = await (validator as unknown as SchemaValidators).getAjvValidator(version);
  if (!schemaCheck(document)) return schemaCheck.errors ?? [];
  const refProblem = checkLocalRefs(document, shape);
  return refProblem === null ? null : { message: refProblem };
}

/**
 * Checks a parsed document against the official JSON Schema of its format and checks that its local
 * `$ref`s point somewhere. Returns the problems, most specific first; an empty list means valid.
 */
export async function validateDocument(
  document: Record<string, unknown>,
  /** What inspectDocument found in this very document, when the caller has it: the reference check then rarely walks it again. */
  shape?: DocumentShape,
): Promise<DocumentProblem[]> {
  // Neither check needs the data masked first: the schema check accepts anything in a data position
  // (and a property's name is not checked), and the reference check reads the document as masked.
  const found = await officialProblems(document, shape);
  if (found === null) return [];
  if (!Array.isArray(found)) return [found];
  const errors = found;
  // The official schemas use oneOf/anyOf heavily; the deepest paths are where the mistake is.
  const sorted = [...errors].sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
  const seen = new Set<string>();
  const problems: DocumentProblem[] = [];
  for (const error of sorted) {
    const problem = { pointer: error.instancePath, message: describe(error) };
    const key = `${problem.pointer} ${problem.message}`;
    if (seen.has(key) || ["oneOf", "anyOf", "if", "not", "$ref"].includes(error.keyword)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.length ? problems : [{ pointer: sorted[0]?.instancePath ?? "", message: sorted[0] ? describe(sorted[0]) : "does not match the schema" }];
}
