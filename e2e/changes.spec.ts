import { expect, test } from "@playwright/test";

test("the changelog shows what each version changed, filters by level, and links to a comparison", async ({ page }) => {
  await page.goto("/services/payments-api/changes");
  await expect(page.getByRole("heading", { name: "Changelog of Payments API" })).toBeVisible();
  const latest = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^1\.1\.0/ }) });
  await expect(latest.getByText("Since")).toContainText("1.0.0 (revision 1)");
  await expect(latest.locator('[data-rule="endpoint-added"]')).toHaveCount(2);
  await expect(latest.getByRole("region", { name: "schema NewPayment" })).toContainText('property "statementDescriptor" was added');

  await page.getByRole("link", { name: "Breaking", exact: true }).click();
  await expect(page).toHaveURL(/level=breaking/);
  // 1.1.0 made a capture name its amount: the one breaking change, and only it, is left.
  await expect(latest.locator("[data-rule]")).toHaveCount(1);
  await expect(latest.locator('[data-rule="request-body-added-required"]')).toContainText("POST /payments/{paymentId}/capture");

  await page.getByRole("link", { name: "1.0.0 (revision 1)" }).click();
  await expect(page.getByRole("heading", { name: "Compare versions of Payments API" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("1.0.0 (revision 1) → 1.1.0 (revision 1)");
  await expect(page.locator('[data-rule="endpoint-added"]')).toHaveCount(2);

  // The other way round: what 1.1.0 added is what going back to 1.0.0 removes, and that breaks clients.
  const form = page.getByRole("form", { name: "Versions to compare" });
  await form.getByLabel("From").selectOption({ label: "1.1.0 (revision 1)" });
  await form.getByLabel("To").selectOption({ label: "1.0.0 (revision 1)" });
  await form.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("1.1.0 (revision 1) → 1.0.0 (revision 1)");
  await expect(page.locator('[data-rule="endpoint-removed"]')).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("3 breaking");
});
