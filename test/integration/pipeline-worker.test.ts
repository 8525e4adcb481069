/**
 * Ingestion runs in worker threads (lib/pipeline): what comes back, result or error, must be exactly
 * what the same task gives on the caller's thread.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/platform/errors";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { runPipeline, stopPipeline } from "@/lib/pipeline/run-pipeline";
import { pipelineTasks } from "@/lib/pipeline/pipeline-tasks";
import { openApi30 } from "../support/documents";

afterAll(() => stopPipeline());

const args = (text: string, contentType = "application/yaml") => ({ body: new TextEncoder().encode(text), contentType, limits: defaultIngestLimits });

async function outcome(promise: Promise<unknown>) {
  try {
    return { result: await promise };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { error: { name: error.name, code: error.code, message: error.message, details: error.details, status: error.status } };
  }
}

describe("the pipeline in worker threads", () => {
  const cases: [string, string, string?][] = [
    ["a valid document", openApi30("1.2.3", ["/a", "/b"])],
    ["an invalid one", "openapi: 3.0.3\ninfo: {version: '1'}\npaths: {}\n"],
    ["YAML that is not YAML", "openapi: [unclosed\n"],
    [
      "a width bomb",
      `openapi: 3.0.3\ninfo: {title: w, version: "1"}\npaths: {}\nx-a: &a [${Array(20_000).fill("0").join(",")}]\nx-b: [${Array(999).fill("*a").join(",")}]\n`,
    ],
    [
      "a bundle",
      JSON.stringify({
        root: "a.yaml",
        files: {
          "a.yaml": 'openapi: 3.0.3\ninfo: {title: b, version: "1"}\npaths:\n  /x: {$ref: "paths.yaml#/x"}\n',
          "paths.yaml": "x:\n  get:\n    responses: {'200': {description: ok}}\n",
        },
      }),
      "application/vnd.wayfinder.bundle+json",
    ],
  ];

  it.each(cases)("gives the same outcome for %s", async (_name, text, contentType) => {
    const here = await outcome(pipelineTasks.prepareReceived(args(text, contentType)));
    const there = await outcome(runPipeline("prepareReceived", args(text, contentType)));
    expect(there).toEqual(here);
  });

  it("runs tasks side by side on several threads", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => runPipeline("prepareReceived", args(openApi30(`1.0.${i}`, [`/p${i}`])))));
    expect(results.map((prepared) => prepared.version)).toEqual(["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5"]);
  });

  it("runs on the caller's thread when worker threads cannot start (and says so), instead of failing", async () => {
    await stopPipeline();
    const home = process.cwd();
    // From another folder the worker's entry cannot be found: the same as a runtime that cannot load it.
    process.chdir(mkdtempSync(path.join(os.tmpdir(), "wayfinder-no-worker-")));
    try {
      const prepared = await runPipeline("prepareReceived", args(openApi30("7.0.0", ["/here"])));
      expect(prepared.version).toBe("7.0.0");
      const again = await runPipeline("prepareReceived", args(openApi30("7.0.1", ["/here"])));
      expect(again.version).toBe("7.0.1");
    } finally {
      process.chdir(home);
      await stopPipeline();
    }
  });
});
