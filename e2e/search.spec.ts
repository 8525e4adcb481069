import { expect, test } from "@playwright/test";

test("finds an operation from any page with the keyboard alone, and opens the docs expanded on it", async ({ page }) => {
  await page.goto("/teams");
  const palette = page.getByRole("dialog", { name: "Search Wayfinder" });
  const box = palette.getByRole("combobox", { name: "Search services, operations, events, teams and docs" });
  // Ctrl+K opens it once the page has hydrated: a person who pressed too early presses again.
  await expect(async () => {
    if (!(await palette.isVisible())) await page.keyboard.press("Control+K");
    await expect(box).toBeFocused({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.type("createPayment");
  const options = palette.getByRole("option");
  await expect(options.first()).toContainText("/payments");
  await expect(options.first()).toContainText("createPayment");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/services\/payments-api\?version=[^#]+#\/[^/]+\/createPayment$/);
  // Swagger UI's deep linking opens that operation.
  const opened = page.locator("#operations-Payments-createPayment, [id$='-createPayment']").first();
  await expect(opened).toHaveClass(/is-open/);
});

test("moves through grouped results with the arrows, and Escape closes the palette", async ({ page }) => {
  await page.goto("/");
  const palette = page.getByRole("dialog", { name: "Search Wayfinder" });
  const box = palette.getByRole("combobox", { name: "Search services, operations, events, teams and docs" });
  // "/" opens it once the page has hydrated: a person who pressed too early presses again.
  await expect(async () => {
    if (!(await palette.isVisible())) await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("payments");
  const options = palette.getByRole("option");
  await expect(options.nth(1)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(options.first()).toHaveAttribute("aria-selected", "false");
  await expect(palette.getByText("Services", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});

test("the search page corrects a misspelling and filters by method", async ({ page }) => {
  await page.goto("/search?q=refnud");
  await expect(page.getByTestId("search-summary")).toContainText("also searched refund");
  await expect(page.getByTestId("operation-hit").first()).toBeVisible();
  await page.getByLabel("Method").selectOption("post");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/method=post/);
  const hits = page.getByTestId("operation-hit");
  await expect(hits.first()).toBeVisible();
  for (const text of await hits.allInnerTexts()) expect(text.startsWith("POST") || text.toLowerCase().startsWith("post")).toBe(true);
});

test("the first Tab reaches a skip link that moves focus past the header to the page", async ({ page }) => {
  await page.goto("/services");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("a method in the address is shown in the method select, whatever its case", async ({ page }) => {
  await page.goto("/search?q=order&method=POST");
  await expect(page.getByLabel("Method")).toHaveValue("post");
});

test("finds an event a service sends from the palette, marked by its direction, and opens it on the service page", async ({ page }) => {
  await page.goto("/teams");
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Search Wayfinder" });
  await page.keyboard.type("sendOrderPlaced");
  const option = palette.getByRole("option").filter({ hasText: "sendOrderPlaced" }).first();
  await expect(option).toContainText("sends");
  await expect(option).toContainText("orders.placed");
  await option.click();
  await expect(page).toHaveURL(/\/services\/orders-api\?eventVersion=[^#]+#operation-sendOrderPlaced$/);
  await expect(page.locator("#operation-sendOrderPlaced")).toBeVisible();
});
