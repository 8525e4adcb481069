import { describe, expect, it } from "vitest";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { mockRequest } from "@/lib/try-it/mock/mock-request";
import { storedDocuments } from "../support/stored-documents";
import { responseValidator } from "../support/response-validator";

type Json = Record<string, unknown>;

const isJson = (mediaType: string) => /^application\/(.+\+)?json\b/.test(mediaType);

describe("the mock's responses validate against their schemas", async () => {
  const documents = await storedDocuments();
  const totals = { operations: 0, covered: 0, responses: 0, valid: 0 };

  it.each(documents.map((entry) => [entry.name, entry] as const))(
    "%s",
    async (_name, { document }) => {
      const operations = buildMockOperations(document);
      const validate = responseValidator(document);
      const failures: string[] = [];
      totals.operations += operations.length;
      for (const operation of operations) {
        const before = totals.responses;
        for (const response of operation.responses) {
          if (!/^2\d\d$/.test(response.code)) continue;
          for (const content of (response.contents ?? []).filter((candidate) => isJson(candidate.mediaType) && candidate.schema)) {
            totals.responses += 1;
            const path = operation.path.replace(/\{[^}]+\}/g, "x1");
            const output = await mockRequest(
              { document, operations },
              { method: operation.method, path, query: {}, headers: { accept: content.mediaType }, body: undefined },
              { code: Number(response.code) },
              { validate: false },
            );
            const problem =
              output.status !== Number(response.code) ? `status ${output.status}` : validate(operation as never, content.schema as Json, output.body);
            if (problem)
              failures.push(`${operation.method.toUpperCase()} ${operation.path} ${response.code} ${content.mediaType} (${output.source}): ${problem}`);
            else totals.valid += 1;
          }
        }
        if (totals.responses > before) totals.covered += 1;
      }
      if (failures.length) console.log(failures.slice(0, 6).join("\n"));
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it("covers every operation (the count is printed for the closing note)", () => {
    console.log(
      `mock coverage: ${documents.length} documents, ${totals.operations} operations, ${totals.covered} with a JSON success response; ${totals.valid}/${totals.responses} such responses valid`,
    );
    expect(totals.valid).toBe(totals.responses);
    expect(totals.operations).toBeGreaterThan(0);
  });
});
