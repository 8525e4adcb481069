/**
 * The house ruleset on event APIs (issue 28): governance/lint.yaml's `async2Rules` and `async3Rules`
 * over every AsyncAPI example of the shared fixtures, the same findings for the 2.6 and 3.0 documents
 * of one API, and `wayfinder lint` on AsyncAPI files.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readAsyncApi } from "@/lib/asyncapi/read-asyncapi";
import { lintDocument } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir } from "../support/fixtures";
import { runWayfinder } from "../support/run-wayfinder";

const asyncDir = path.resolve(fixturesDir, "../asyncapi");
const hasAsyncFixtures = existsSync(asyncDir);
const parse = (relative: string) => parseDocumentText(readFileSync(path.join(asyncDir, relative), "utf8"), defaultIngestLimits) as Record<string, unknown>;
const files = hasAsyncFixtures
  ? ["2.6", "3.0"].flatMap((version) =>
      readdirSync(path.join(asyncDir, version))
        .filter((file) => /\.ya?ml$/.test(file) && !file.startsWith("adeo-"))
        .map((file) => `${version}/${file}`),
    )
  : [];

describe.runIf(hasAsyncFixtures)("the house rules on event APIs", async () => {
  const ruleset = await loadRuleset();
  const found: string[] = [];
  afterAll(() => console.log(`House rules on the AsyncAPI fixtures:\n${found.join("\n")}`));

  it.each(files)("%s is linted with the event rules, not the HTTP ones", async (relative) => {
    const result = await lintDocument((await readAsyncApi(parse(relative), defaultIngestLimits)).document, ruleset);
    const rules = Object.keys(result.byRule);
    // HTTP rules never fire on an event API (paths, parameters, responses).
    expect(rules.filter((rule) => /^(house\/|path-|operation-4xx|paths-)/.test(rule))).toEqual([]);
    found.push(`${relative}: ${result.errorCount} errors, ${result.warnCount} warnings (${rules.join(", ")})`);
  });

  it("finds the same things in the 2.6 and 3.0 documents of the same API", async () => {
    for (const [older, newer] of [
      ["2.6/streetlights-kafka.yml", "3.0/streetlights-kafka-asyncapi.yml"],
      ["2.6/streetlights-mqtt.yml", "3.0/streetlights-mqtt-asyncapi.yml"],
    ]) {
      const [a, b] = [await lintDocument(parse(older!), ruleset), await lintDocument(parse(newer!), ruleset)];
      expect(a.byRule, older).toEqual(b.byRule);
      expect(a.byRule["rule/message-examples"], older).toBe(3);
    }
  });

  it("a message without a payload is an error; an operation without operationId is one in 2.x only", async () => {
    const v3 = parse("3.0/simple-asyncapi.yml") as Record<string, any>;
    for (const message of Object.values(v3.components.messages) as Record<string, unknown>[]) delete message.payload;
    expect((await lintDocument(v3, ruleset)).byRule).toMatchObject({ "rule/message-payload": 1 });
    expect((await lintDocument(parse("3.0/simple-asyncapi.yml"), ruleset)).byRule["rule/operation-id"]).toBeUndefined();
    expect((await lintDocument(parse("2.6/simple.yml"), ruleset)).byRule["rule/operation-id"]).toBe(1);
  });

  it("wayfinder lint checks an AsyncAPI file, validated first, and fails on errors when asked", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-event-lint-"));
    try {
      const failed = await runWayfinder(["lint", path.join(asyncDir, "2.6/simple.yml"), "--fail-on", "error"]);
      expect(failed.code).toBe(1);
      expect(failed.out).toContain("error rule/operation-id");
      const invalid = { asyncapi: "3.0.0", info: { title: "No version" } };
      writeFileSync(path.join(dir, "invalid.yaml"), stringify(invalid));
      const refused = await runWayfinder(["lint", path.join(dir, "invalid.yaml")]);
      expect(refused.code).not.toBe(0);
      expect(refused.out + refused.err).toContain("not a valid AsyncAPI 3.0.0 description");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
