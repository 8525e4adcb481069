import { expect, test } from "@playwright/test";

test("a service page shows which house rules a version breaks, each linked to the pattern that explains it", async ({ page }) => {
  await page.goto("/services/shipping-rates");
  const report = page.getByTestId("lint-report");
  // Linted in the background seconds after the demo was published: reload until it is there.
  await expect(async () => {
    await page.reload();
    await expect(report.getByTestId("lint-summary")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(report.getByTestId("lint-summary")).toHaveText(/^2 errors, \d+ warnings$/);
  const rates = report.locator("details", { hasText: "GET /rates" });
  await expect(rates).toContainText("Deprecated without a date");
  await rates.getByRole("link", { name: "house/sunset-on-deprecated" }).click();
  await expect(page).toHaveURL(/\/docs\/patterns\/versioning-and-deprecation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Versioning and deprecation");
});
