/**
 * The conformance checker on every document at hand (the shared fixtures and the demo's): for each
 * JSON success response the mock generates, checkExchange (Prism's response validator, in Wayfinder's
 * terms) must find it conforming, and the same body with a property of the wrong type must be caught,
 * naming where. And `wayfinder verify`'s request planner reads every operation of every document.
 */
import { describe, expect, it } from "vitest";
import { checkExchange } from "@/lib/conformance/check-exchange";
import { planRequests } from "@/lib/conformance/plan-requests";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { mockRequest } from "@/lib/try-it/mock/mock-request";
import { storedDocuments } from "../support/stored-documents";
import { hasFixtures } from "../support/fixtures";

type Json = Record<string, unknown>;

const isJson = (mediaType: string) => /^application\/(.+\+)?json\b/.test(mediaType);

/** The body with its first string- or number-valued property swapped for a value of another type, and where. */
function broken(body: unknown): { body: unknown; pointer: string } | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  for (const [key, value] of Object.entries(body as Json)) {
    if (typeof value === "string") return { body: { ...(body as Json), [key]: 12345 }, pointer: `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` };
    if (typeof value === "number" || typeof value === "boolean")
      return { body: { ...(body as Json), [key]: { wrong: true } }, pointer: `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  }
  return null;
}

describe("conformance checks on every document", async () => {
  const documents = await storedDocuments();
  const totals = { documents: documents.length, operations: 0, planned: 0, responses: 0, conforming: 0, broken: 0, caught: 0, unchecked: 0 };

  it.each(documents.map((entry) => [entry.name, entry] as const))(
    "%s",
    async (_name, { document }) => {
      const planned = planRequests(document);
      expect(planned.length).toBe(extractOperations(document).length);
      totals.planned += planned.length;
      const operations = buildMockOperations(document);
      const target = { document, operations };
      const failures: string[] = [];
      totals.operations += operations.length;
      for (const operation of operations) {
        for (const response of operation.responses) {
          if (!/^2\d\d$/.test(response.code)) continue;
          for (const content of (response.contents ?? []).filter((candidate) => isJson(candidate.mediaType) && candidate.schema)) {
            const path = operation.path.replace(/\{[^}]+\}/g, "x1");
            const output = await mockRequest(
              target,
              { method: operation.method, path, query: {}, headers: { accept: content.mediaType }, body: undefined },
              { code: Number(response.code) },
              { validate: false },
            );
            if (output.status !== Number(response.code) || output.body === undefined) continue;
            totals.responses += 1;
            const exchange = { method: operation.method, path, status: output.status, headers: { "content-type": content.mediaType } };
            const verdict = checkExchange(target, { ...exchange, body: JSON.stringify(output.body) });
            const bodyFindings = verdict.findings.filter((finding) => finding.kind !== "header");
            if (bodyFindings.length)
              failures.push(
                `${operation.method.toUpperCase()} ${operation.path} ${response.code}: ${bodyFindings.map((f) => `${f.pointer} ${f.message}`).join("; ")}`,
              );
            else totals.conforming += 1;
            const wrong = broken(output.body);
            if (!wrong) continue;
            totals.broken += 1;
            const caught = checkExchange(target, { ...exchange, body: JSON.stringify(wrong.body) });
            // The schema may allow anything there (no type, additionalProperties): then nothing is wrong.
            if (caught.findings.some((finding) => finding.kind === "body" && finding.pointer.startsWith(wrong.pointer))) totals.caught += 1;
            if (caught.unchecked) totals.unchecked += 1;
          }
        }
      }
      if (failures.length) console.log(failures.slice(0, 6).join("\n"));
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it("checks every JSON success response, and catches the wrong types put in them (the counts are printed for the closing note)", () => {
    console.log(
      `conformance corpus: ${totals.documents} documents, ${totals.operations} operations (${totals.planned} planned for verify); ${totals.conforming}/${totals.responses} mock responses conform; ${totals.caught}/${totals.broken} with a property of the wrong type caught at its pointer (${totals.unchecked} whose schema could not be compiled)`,
    );
    expect(totals.conforming).toBe(totals.responses);
    // The shared fixtures hold most of them (a checkout without ../shared has the demo's documents alone).
    expect(totals.responses).toBeGreaterThan(hasFixtures ? 1000 : 0);
    // Most schemas type their properties: a checker that let wrong types through would catch few.
    expect(totals.caught / totals.broken).toBeGreaterThan(0.95);
    expect(totals.unchecked).toBe(0);
  });
});
