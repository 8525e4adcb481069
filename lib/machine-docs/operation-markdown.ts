import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import { isPlainObject } from "@/lib/openapi/detect-format";
import type { HttpMethod } from "@/lib/openapi/extract-operations";
import type { Db } from "@/lib/platform/db/types";
import { getOperationSlice } from "@/lib/versions/get-operation-slice";
import { inlineText } from "./markdown-text";

type Json = Record<string, unknown>;

/** A fenced block that no text inside can close: its fence is longer than any run of backticks in it. */
function fenced(language: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

const MAX_SLICE_CHARS = 200_000;

/**
 * One operation as Markdown: its summary and description, a table of parameters, its request body and
 * responses by media type, then the operation's slice (the operation and the components it uses) as
 * JSON, which is the contract itself; cut past MAX_SLICE_CHARS with a link to the full slice.
 */
export async function operationMarkdown(
  db: Db,
  actor: Actor,
  input: { serviceSlug: string; version: string; method: HttpMethod; path: string; origin: string },
): Promise<string> {
  assertMayRead(actor);
  const { json } = await getOperationSlice(db, input);
  const slice = JSON.parse(json) as Json;
  const paths = isPlainObject(slice.paths) ? slice.paths : {};
  const item = isPlainObject(paths[input.path]) ? (paths[input.path] as Json) : {};
  const operation = isPlainObject(item[input.method]) ? (item[input.method] as Json) : {};
  const text = (value: unknown, max = 300) => (typeof value === "string" ? inlineText(value, max) : "");
  const lines = [`# ${input.method.toUpperCase()} ${inlineText(input.path, 500)}`, ""];
  lines.push(
    `Service ${input.serviceSlug}, version ${inlineText(input.version, 60)}${typeof operation.operationId === "string" ? `; operationId \`${text(operation.operationId, 200)}\`` : ""}${operation.deprecated === true ? "; deprecated" : ""}.`,
    "",
  );
  if (typeof operation.summary === "string") lines.push(`**${text(operation.summary)}**`, "");
  if (typeof operation.description === "string") lines.push(fenced("markdown", operation.description.slice(0, 10_000)), "");
  const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])].filter(
    isPlainObject,
  );
  if (parameters.length) {
    lines.push("## Parameters", "", "| Name | In | Required | Type | Description |", "| --- | --- | --- | --- | --- |");
    for (const parameter of parameters) {
      const schema = isPlainObject(parameter.schema) ? parameter.schema : {};
      const type = typeof schema.type === "string" ? schema.type : typeof schema.$ref === "string" ? schema.$ref.split("/").at(-1)! : "";
      lines.push(
        `| ${text(parameter.name ?? parameter.$ref, 120)} | ${text(parameter.in, 20)} | ${parameter.required === true ? "yes" : "no"} | ${inlineText(type, 60)} | ${text(parameter.description, 200)} |`,
      );
    }
    lines.push("");
  }
  const body = isPlainObject(operation.requestBody) ? operation.requestBody : null;
  if (body) {
    lines.push(`## Request body${body.required === true ? " (required)" : ""}`, "");
    if (isPlainObject(body.content)) for (const type of Object.keys(body.content)) lines.push(`- ${inlineText(type, 120)}`);
    lines.push("");
  }
  if (isPlainObject(operation.responses)) {
    lines.push("## Responses", "");
    for (const [status, response] of Object.entries(operation.responses)) {
      const types = isPlainObject(response) && isPlainObject(response.content) ? Object.keys(response.content).map((type) => inlineText(type, 120)) : [];
      lines.push(
        `- ${inlineText(status, 10)}: ${isPlainObject(response) ? text(response.description, 200) : ""}${types.length ? ` (${types.join(", ")})` : ""}`,
      );
    }
    lines.push("");
  }
  const sliceUrl = `${input.origin}/api/v1/services/${input.serviceSlug}/versions/${encodeURIComponent(input.version)}/operation?${new URLSearchParams({ method: input.method, path: input.path })}`;
  lines.push("## Contract", "", `The operation with every component it uses (${sliceUrl}):`, "");
  const pretty = JSON.stringify(slice, null, 2);
  lines.push(
    fenced("json", pretty.length > MAX_SLICE_CHARS ? `${pretty.slice(0, MAX_SLICE_CHARS)}\n… (cut; the whole slice is at the address above)` : pretty),
    "",
  );
  return lines.join("\n");
}
