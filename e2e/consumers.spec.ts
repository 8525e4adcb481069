import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("the demo's Payments API 1.0.0 → 1.1.0 names the consumers it breaks, on the changelog and the comparison", async ({ page }) => {
  await page.goto("/services/payments-api/changes");
  const latest = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^1\.1\.0/ }) });
  // Orders API declared capturePayment; Chargeback Desk the whole API; the storefront's operations are
  // untouched; Legacy Accounts is pinned below 1.0.0.
  const impact = latest.getByRole("status").filter({ hasText: "Breaks 2 consumers" });
  await expect(impact).toContainText("Chargeback Desk (1 breaking; Payments)");
  await expect(impact).toContainText("Orders API (1 breaking; Commerce)");
  await expect(impact).not.toContainText("Storefront");
  await expect(latest.locator('[data-rule="request-body-added-required"]')).toContainText(
    "Breaks 2 consumers: Chargeback Desk (whole API), Orders API (1 operation: POST /payments/{paymentId}/capture)",
  );

  await page.goto("/services/payments-api/diff?from=1.0.0&to=1.1.0");
  await expect(page.getByRole("status").filter({ hasText: "Breaks 2 consumers" })).toBeVisible();
  await page.getByRole("link", { name: "Orders API" }).first().click();
  // The page's own heading: Swagger UI's title (an h1 too) says "Tidewater Orders API 3.4.0" once it has rendered.
  await expect(page.getByRole("heading", { level: 1, name: "Orders API", exact: true })).toBeVisible();
  const section = page.getByRole("region", { name: "Consumers and dependencies" });
  await expect(section.getByRole("list", { name: "Consumes" })).toContainText("Payments API");
  await expect(section.getByRole("list", { name: "Consumed by" })).toContainText("Storefront");
});

test("a maintainer declares a dependency on the edit page, picking operations from the provider's index, and withdraws it", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  await page.goto("/services/feature-flags/edit");
  const editor = page.getByRole("region", { name: "APIs it consumes" });
  await expect(editor).toContainText("This service declares no API it consumes.");
  const form = editor.getByRole("form", { name: "Declare a dependency" });
  await form.getByLabel("API it consumes").selectOption({ label: "Shipping Rates" });
  await form.getByLabel("Versions it uses").fill("^1");
  await form.getByLabel("Filter operations").fill("rates");
  await form.getByRole("checkbox", { name: /GET \/rates/ }).check();
  await expect(form).toContainText("1 ticked");
  await form.getByRole("button", { name: "Declare" }).click();
  const declared = editor.getByRole("list", { name: "Declared dependencies" });
  await expect(declared).toContainText("Shipping Rates ^1 · 1 operation");

  await page.goto("/services/shipping-rates");
  await expect(page.getByRole("list", { name: "Consumed by" })).toContainText("Feature Flags");
  await page.goto("/services/feature-flags/edit");
  await page.getByRole("button", { name: "Withdraw Shipping Rates" }).click();
  await expect(page.getByRole("region", { name: "APIs it consumes" })).toContainText("This service declares no API it consumes.");
});

test("the dependency graph is reached and followed with the keyboard, and says the same in a table", async ({ page }) => {
  await page.goto("/services/payments-api/graph");
  await expect(page.getByRole("heading", { level: 1, name: "Dependencies of Payments API" })).toBeVisible();
  const graph = page.getByRole("group", { name: "Dependency graph of Payments API" });
  await expect(graph.getByRole("link", { name: "Orders API" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Chargeback Desk" })).toContainText("whole API");
  // Tab through the page until a service in the drawing has focus, then follow it.
  let reached = "";
  for (let press = 0; press < 80 && !reached; press += 1) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => (document.activeElement?.closest(".react-flow__node") ? (document.activeElement.textContent ?? "") : ""));
  }
  expect(reached).not.toBe("");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/services\/[a-z-]+\/graph$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Dependencies of / })).toBeVisible();

  await page.goto("/teams/commerce/graph?depth=2");
  await expect(page.getByRole("group", { name: "Dependency graph of Commerce's services" }).getByRole("link", { name: "Storefront" })).toBeVisible();
});

test("a signed-in reader watches an API", async ({ page }) => {
  await signIn(page, "Wendy Watcher", "wendy@e2e.test");
  await page.goto("/services/catalog-api");
  const watch = page.getByRole("button", { name: "Watch" });
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.click();
  await expect(page.getByRole("button", { name: "Watching" })).toHaveAttribute("aria-pressed", "true");
  const watches = (await (await page.request.get("/api/v1/me/watches")).json()) as { items: { service: { slug: string } }[]; feed: string };
  expect(watches.items.map((item) => item.service.slug)).toEqual(["catalog-api"]);
  const feed = await page.request.get(new URL(watches.feed).pathname + new URL(watches.feed).search);
  expect(await feed.text()).toContain("<title>Watched API changes · Wayfinder</title>");
});
