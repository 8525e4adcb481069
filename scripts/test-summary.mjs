// Adds up the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped",
// after naming each failure, so that the last lines of a CI log say which tests failed, not only how many.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let passed = 0;
let skipped = 0;
const failures = [];
const missing = [];
const firstLine = (message) =>
  String(message ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .trim()
    .split("\n")[0]
    .slice(0, 300);

if (existsSync("reports/vitest.json")) {
  const report = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed += report.numPassedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const name = path.relative(process.cwd(), file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${name} › ${[...test.ancestorTitles, test.title].join(" › ")}: ${firstLine(test.failureMessages?.[0])}`);
    // A file can fail with no test failing: it did not load, or a hook threw.
    if (file.status === "failed" && !failed.length) failures.push(`${name}: ${firstLine(file.message)}`);
  }
} else missing.push("Vitest");

if (existsSync("reports/playwright.json")) {
  const { config, stats, suites } = JSON.parse(readFileSync("reports/playwright.json", "utf8"));
  passed += stats.expected + stats.flaky;
  skipped += stats.skipped;
  let placed = 0;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected") {
          const error = test.results.at(-1)?.error?.message;
          placed += 1;
          failures.push(
            `${path.relative(process.cwd(), path.join(config.rootDir, spec.file))}:${spec.line} › ${[...titles, spec.title].join(" › ")}: ${firstLine(error)}`,
          );
        }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles);
  };
  for (const suite of suites) walk(suite, []);
  // Failures the walk cannot place (a worker that crashed outside a test) still count.
  for (let unplaced = stats.unexpected - placed; unplaced > 0; unplaced -= 1) failures.push("a browser test (see Playwright's output above)");
} else missing.push("Playwright");

if (missing.length) failures.push(`No report from ${missing.join(" and ")}: those tests did not run.`);
if (failures.length) console.log(`\nFailed:\n${failures.map((line) => `- ${line}`).join("\n")}`);
console.log(`\n${passed} passed, ${failures.length} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);
