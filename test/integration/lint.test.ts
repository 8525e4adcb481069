import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/platform/db/open-database";
import { getLintReport } from "@/lib/lint/get-lint-report";
import { lintDocument } from "@/lib/lint/lint-document";
import { lintIsolated } from "@/lib/lint/lint-isolated";
import { loadRuleset } from "@/lib/lint/lint-ruleset";
import { lintVersion, versionsToLint } from "@/lib/lint/lint-version";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { collectFiles } from "@/cli/collect-files";
import { fixturesDir, hasFixtures, singleFileFixtures } from "../support/fixtures";
import { openDemoDatabase } from "../support/demo-database";
import { testDatabases } from "../support/test-databases";

const anonymous = { kind: "anonymous" } as const;

describe.each(testDatabases)("linting published versions on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase(open);
  }, 180_000);
  afterAll(async () => db?.close());

  it("reports pending until linted, then lints every demo version once, in worker threads", async () => {
    const shipping = await db.prisma.apiVersion.findFirstOrThrow({ where: { service: { slug: "shipping-rates" } }, select: { version: true } });
    expect(await getLintReport(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates", version: shipping.version })).toMatchObject({
      status: "pending",
      findings: [],
    });
    const ids = await versionsToLint(db.prisma);
    expect(ids).toHaveLength(await db.prisma.apiVersion.count());
    for (const id of ids) expect(await lintVersion(db.prisma, id)).toMatchObject({ status: "done" });
    expect(await versionsToLint(db.prisma)).toEqual([]);

    // The demo company mostly passes: three errors, each one a pattern (or the document) explains.
    const reports = await db.prisma.lintReport.findMany({ include: { apiVersion: { select: { service: { select: { slug: true } } } } } });
    const errors = Object.fromEntries(reports.filter((report) => report.errorCount).map((report) => [report.apiVersion.service.slug, report.byRule]));
    const byRule: Record<string, number> = {};
    for (const report of reports)
      for (const [rule, count] of Object.entries(report.byRule as Record<string, number>)) byRule[rule] = (byRule[rule] ?? 0) + count;
    console.log(`demo lint: ${reports.length} versions, findings per rule ${JSON.stringify(byRule)}`);
    console.log(`demo lint errors: ${JSON.stringify(errors)}`);
    expect(reports.reduce((sum, report) => sum + report.errorCount, 0)).toBe(3);
    expect(Object.keys(errors).sort()).toEqual(["shipping-rates", "warehouse-scanner-gateway"]);

    const report = await getLintReport(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates", version: shipping.version });
    expect(report).toMatchObject({ status: "done", errorCount: 2, byRule: { "house/sunset-on-deprecated": 2 } });
    expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([
      expect.objectContaining({
        ruleId: "house/sunset-on-deprecated",
        operation: { method: "get", path: "/rates" },
        link: "/docs/patterns/versioning-and-deprecation",
      }),
      expect.objectContaining({ ruleId: "house/sunset-on-deprecated", operation: { method: "get", path: "/carriers" } }),
    ]);
  }, 180_000);

  it("lints a version again when the ruleset it was linted under is not the current one", async () => {
    const report = await db.prisma.lintReport.findFirstOrThrow({ select: { apiVersionId: true } });
    await db.prisma.lintReport.update({ where: { apiVersionId: report.apiVersionId }, data: { rulesetHash: "an-older-ruleset" } });
    expect(await versionsToLint(db.prisma)).toEqual([report.apiVersionId]);
    await lintVersion(db.prisma, report.apiVersionId);
    expect(await versionsToLint(db.prisma)).toEqual([]);
  }, 60_000);

  it("answers 404 for a version that does not exist", async () => {
    await expect(getLintReport(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates", version: "9.9.9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** A document with `count` operations, written at run time (never committed). */
function manyOperations(count: number): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    paths[`/things-${i}/{id}`] = {
      get: {
        operationId: `getThing${i}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "A thing", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } } },
      },
    };
  return JSON.stringify({ openapi: "3.0.3", info: { title: "Many", version: "1.0.0" }, paths });
}

describe("lint limits on hostile documents", () => {
  it("ends a lint that outgrows its memory, and one that outlasts its time, saying which limit", async () => {
    const huge = manyOperations(60_000);
    const outOfMemory = await lintIsolated(huge, { timeoutMs: 120_000, memoryMb: 64 });
    expect(outOfMemory).toMatchObject({ ok: false, error: "Lint ran out of its 64 MB (the limit)." });
    const outOfTime = await lintIsolated(huge, { timeoutMs: 300, memoryMb: 2048 });
    expect(outOfTime).toMatchObject({ ok: false, error: "Lint stopped after 0.3 s (the limit)." });
    // The same limits let an ordinary document through: they bound, they do not refuse.
    expect(await lintIsolated(manyOperations(20), { timeoutMs: 60_000, memoryMb: 64 })).toMatchObject({ ok: true });
  }, 180_000);
});

describe.skipIf(!hasFixtures)("the ruleset on every shared fixture document (skipped without ../shared/fixtures)", () => {
  it("lints each one, counting findings per rule", async () => {
    const ruleset = await loadRuleset();
    const documents = singleFileFixtures().map((file) => ({ name: file, text: readFileSync(path.join(fixturesDir, file), "utf8") }));
    const bundle = await collectFiles(
      path.join(fixturesDir, "digitalocean/specification/DigitalOcean-public.v2.yaml"),
      defaultIngestLimits,
      path.join(fixturesDir, "digitalocean"),
    );
    documents.push({ name: "digitalocean (bundled)", text: (await prepareBundle(bundle, defaultIngestLimits)).json });
    const totals: Record<string, number> = {};
    for (const { name, text } of documents) {
      const result = await lintDocument(text, ruleset);
      expect(result.errorCount + result.warnCount, name).toBe(Object.values(result.byRule).reduce((sum, count) => sum + count, 0));
      for (const [rule, count] of Object.entries(result.byRule)) totals[rule] = (totals[rule] ?? 0) + count;
      // Bundling leaves nothing pointing back at the files: DigitalOcean's discriminator mappings once
      // named them and made 116 unresolved-reference errors (`redocly lint` on the files finds none).
      if (name.endsWith("(bundled)")) expect(result.byRule["no-unresolved-refs"] ?? 0, name).toBe(0);
      console.log(`lint ${name}: ${result.errorCount} errors, ${result.warnCount} warnings`);
    }
    console.log(`lint fixtures (${documents.length} documents), findings per rule: ${JSON.stringify(totals)}`);
    // Every house rule finds something somewhere in the real world, and some built-in ones do too.
    expect(Object.keys(totals).filter((rule) => rule.startsWith("house/")).length).toBeGreaterThan(3);
  }, 300_000);
});
