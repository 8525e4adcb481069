import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { appendFile, mkdir } from "node:fs/promises";
import { mainPages } from "./main-pages";

/** WCAG 2.2 A and AA, the level the portal promises (README, "Accessibility"). */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const BLOCKING = new Set(["critical", "serious"]);

// Each page is loaded once and checked in both themes: first as a newcomer whose system prefers the
// light one meets it, then after the system switches to dark, which the portal follows while no theme
// was chosen (e2e/catalogue.spec.ts checks that a page loaded with the system dark starts dark).
for (const { name, path, ready } of mainPages) {
  test(`axe finds no critical or serious violation on ${name} (${path}), in the light theme and the dark`, async ({ page }) => {
    // Playwright's default system preference is light.
    await page.goto(path);
    await ready(page);
    // One main landmark (Swagger UI brings its own, turned into a region).
    await expect(page.getByRole("main")).toHaveCount(1);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      // The switch starts CSS transitions (Swagger UI's buttons take 0.3 s): axe reads the colours once
      // they have settled, as a reader sees them. Mid-way, a cancel button measured 4.06:1 where it ends at 4.54:1.
      await page.waitForFunction(() => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)));
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
      await recordCounts(theme, name, violations);
      await test.info().attach(`axe violations, ${theme} theme`, { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
      const described = blocking.map(
        (violation) =>
          `${violation.impact} ${violation.id} (${violation.nodes.length}): ${violation.help}\n` +
          violation.nodes
            .slice(0, 5)
            .map((node) => `    ${node.target.join(" ")} ${node.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`)
            .join("\n"),
      );
      expect(described, `axe violations on ${path} in the ${theme} theme`).toEqual([]);
    }
  });
}

/** One line per page and theme in reports/axe.jsonl: how many elements each impact level flags. */
async function recordCounts(theme: string, page: string, violations: { impact?: string | null; nodes: unknown[] }[]) {
  const counts: Record<string, number> = {};
  for (const violation of violations) counts[violation.impact ?? "unknown"] = (counts[violation.impact ?? "unknown"] ?? 0) + violation.nodes.length;
  await mkdir("reports", { recursive: true });
  await appendFile("reports/axe.jsonl", JSON.stringify({ theme, page, ...counts }) + "\n");
}
