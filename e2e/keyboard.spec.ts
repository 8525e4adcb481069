import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

/** Presses Tab until `target` has focus, as a keyboard user would, failing if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("with the keyboard alone: choose the third team, open a service, expand an operation and try it", async ({ page }) => {
  await signIn(page, "Keys Only", "keys@e2e.test");
  await page.goto("/services");
  const team = page.getByRole("combobox", { name: "Team", exact: true });
  await tabTo(page, team);
  const third = (await team.locator("option").nth(3).getAttribute("value"))!;

  // Arrow keys move through the teams without reloading the catalogue under the reader.
  const before = page.url();
  for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowDown");
  await expect(team).toHaveValue(third);
  await page.waitForLoadState("networkidle");
  expect(page.url()).toBe(before);
  await expect(team).toBeFocused();
  // Enter applies the choice.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`team=${third}`));
  await expect(page.getByTestId("service-row")).toHaveCount(1);

  const service = page.getByTestId("service-row").getByRole("link").first();
  const href = (await service.getAttribute("href"))!;
  await tabTo(page, service);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  const operation = page.getByTestId("api-reference").locator(".opblock").first();
  await tabTo(page, operation.locator(".opblock-summary-control"));
  await page.keyboard.press("Enter");
  await expect(operation).toHaveClass(/is-open/);
  await tabTo(page, operation.getByRole("button", { name: "Try it out" }));
  await page.keyboard.press("Enter");
  const execute = operation.getByRole("button", { name: "Execute" });
  await tabTo(page, execute);
  await page.keyboard.press("Enter");
  await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText(/^2\d\d$/);
});
