import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** A service page's house-rules report, once there: linted in the background seconds after the demo was published, so reloaded until then. */
async function openLintReport(page: Page, address: string) {
  await page.goto(address);
  const report = page.getByTestId("lint-report");
  await expect(async () => {
    await page.reload();
    await expect(report.getByTestId("lint-summary")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  return report;
}

test("a service page shows which house rules a version breaks, each linked to the pattern that explains it", async ({ page }) => {
  const report = await openLintReport(page, "/services/shipping-rates");
  await expect(report.getByTestId("lint-summary")).toHaveText(/^2 errors, \d+ warnings$/);
  const rates = report.locator("details", { hasText: "GET /rates" });
  await expect(rates).toContainText("Deprecated without a date");
  await rates.getByRole("link", { name: "house/sunset-on-deprecated" }).click();
  await expect(page).toHaveURL(/\/docs\/patterns\/versioning-and-deprecation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Versioning and deprecation");
});

test("a report with hundreds of findings counts them per rule and lists the first few, the rest when asked", async ({ page }) => {
  // Wayfinder's own contract breaks house/problem-details on every error response: hundreds of findings.
  const report = await openLintReport(page, "/services/wayfinder");
  const total = Number(/(\d+) warnings/.exec((await report.getByTestId("lint-summary").textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(40);
  const perRule = report.getByRole("table", { name: "Findings per rule" });
  const counts = await perRule.locator("tbody td:last-child").allTextContents();
  expect(counts.map(Number).reduce((sum, count) => sum + count, 0)).toBe(total);
  await expect(perRule.getByRole("row", { name: /house\/problem-details/ })).toBeVisible();

  const findings = report.locator("details li");
  await expect(findings).toHaveCount(40);
  await expect(report.getByTestId("lint-more")).toContainText(`The first 40 of ${total} findings are listed.`);
  await report.getByRole("button", { name: `Show all ${total}` }).click();
  await expect(findings).toHaveCount(total);
  await expect(report.getByTestId("lint-more")).toHaveCount(0);
});

test("a service shows its scorecard level and what it lacks for the next; the company's distribution has its own page", async ({ page }) => {
  await page.goto("/services/shipping-rates");
  const scorecard = page.getByTestId("scorecard");
  // Levels are recomputed as each version is linted, in the background: reload until Shipping Rates has its own.
  await expect(async () => {
    await page.reload();
    await expect(scorecard.getByTestId("scorecard-next")).toContainText("lifecycle-hygiene", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(scorecard.getByRole("heading")).toHaveText("Scorecard: Bronze");
  await expect(scorecard.getByTestId("scorecard-next")).toContainText("For Silver, it lacks:");
  await expect(scorecard.getByTestId("scorecard-next")).toContainText("Deprecated without a sunset date.");

  await scorecard.getByRole("link", { name: "Bronze" }).click();
  await expect(page).toHaveURL(/\/scorecards$/);
  const distribution = page.getByTestId("level-distribution");
  await expect(distribution.getByRole("row", { name: /Bronze/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "Services per level, per day" })).toBeVisible();
  await distribution.getByRole("link", { name: "Bronze" }).click();
  await expect(page).toHaveURL(/\/services\?level=Bronze$/);
  await expect(page.getByTestId("service-row").filter({ hasText: "Shipping Rates" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Level", exact: true })).toHaveValue("Bronze");
});

test("a team's maintainer is refused an internal webhook address, adds one whose deliveries fail, sees why, redelivers and removes it", async ({ page }) => {
  await signIn(page, "Admin", "admin@e2e.test");
  await page.goto("/teams");
  await page.getByRole("link", { name: "Create a team" }).click();
  await page.getByLabel("Name").fill("Hook Team");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/teams\/hook-team$/);

  const form = page.getByRole("form", { name: "Add a webhook" });
  // An internal address is refused when subscribing, before any delivery.
  await form.getByLabel("Endpoint (https)").fill("https://127.0.0.1:9/hook");
  await form.getByRole("checkbox", { name: "lint.failed" }).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText(/internal address|not reachable from the portal/).first()).toBeVisible();
  await expect(page.getByTestId("webhook")).toHaveCount(0);

  // A name that does not resolve is accepted (it may exist later); its deliveries fail and say why.
  await form.getByLabel("Endpoint (https)").fill("https://hooks.invalid/hook");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  const webhook = page.getByTestId("webhook");
  await expect(webhook).toContainText("version.published, change.breaking, lint.failed");

  await webhook.getByRole("button", { name: "Send a test event" }).click();
  await expect(async () => {
    await page.reload();
    await expect(webhook.getByTestId("delivery").first()).toContainText("Could not fetch https://hooks.invalid/hook", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await webhook.getByRole("button", { name: "Redeliver" }).first().click();
  await expect(webhook.getByTestId("delivery")).toHaveCount(2);
  await webhook.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("webhook")).toHaveCount(0);
});
