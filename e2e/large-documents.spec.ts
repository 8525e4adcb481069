import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { csrfHeader, drawnAt, prefetchStarts, recordWhenDrawn, signIn } from "./support";

const stripe = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi", "stripe/spec3.2022-03-25.json");

test.describe.configure({ mode: "serial" });
test.skip(!existsSync(stripe), `needs the shared fixtures (${stripe})`); // skipped only where ../shared/fixtures is absent (it is outside the repository); CI has it

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const created = await page.request.post("/api/v1/services", {
    data: { slug: "stripe", name: "Stripe", primaryOwner: "platform" },
    headers: await csrfHeader(page),
  });
  expect(created.status()).toBe(201);
  const published = await page.request.post("/api/v1/services/stripe/versions", {
    data: readFileSync(stripe),
    headers: { "Content-Type": "application/json", ...(await csrfHeader(page)) },
    timeout: 120_000,
  });
  expect(published.status()).toBe(201);
  await page.close();
});

test("lists every operation of Stripe's 4 MB document and expands one with its parameters", async ({ page }) => {
  await page.goto("/services/stripe");
  const index = page.getByRole("navigation", { name: "Operations" });
  await expect(index.getByText("410 operations")).toBeVisible();
  await index.getByLabel("Filter operations").fill("customers {customer} sources");
  await index.getByRole("link", { name: /GET\s*\/v1\/customers\/\{customer\}\/sources$/i }).click();
  await expect(page).toHaveURL(/#\/default\/GetCustomersCustomerSources$/);
  const reference = page.getByTestId("api-reference");
  const operation = reference.locator("#operations-default-GetCustomersCustomerSources");
  await expect(operation).toHaveClass(/is-open/);
  await expect(operation.locator(".parameters-container")).toContainText("customer");
  await expect(operation.locator(".parameters-container")).toContainText("object");
  await expect(operation.locator(".responses-wrapper")).toContainText("200");
});

test("opens a deep link to a Stripe operation directly", async ({ page }) => {
  await page.goto("/services/stripe#/default/PostPaymentIntentsIntentConfirm");
  const operation = page.getByTestId("api-reference").locator("#operations-default-PostPaymentIntentsIntentConfirm");
  await expect(operation).toHaveClass(/is-open/);
  await expect(operation).toContainText("/v1/payment_intents/{intent}/confirm");
  await expect(page.getByRole("navigation", { name: "Operations" }).locator("[aria-current=location]")).toContainText("/v1/payment_intents/{intent}/confirm");
});

test("links wait to prefetch until the first operation opened is drawn, not just the overview, and then they do", async ({ page }) => {
  await recordWhenDrawn(page, "[data-testid=api-reference] .responses-wrapper .response");
  await page.goto("/services/stripe");
  await expect(page.getByTestId("api-reference").locator(".info")).toBeVisible(); // the overview, drawn by Swagger UI
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve))); // when the gate would open
  await page
    .getByRole("navigation", { name: "Operations" })
    .getByRole("link", { name: /GET\s*\/v1\/customers\/\{customer\}$/i })
    .click();
  await expect(page.getByTestId("api-reference").locator(".responses-wrapper .response").first()).toBeVisible();
  await expect.poll(async () => (await prefetchStarts(page)).length, { message: "links prefetch once an operation is drawn" }).toBeGreaterThan(0);
  expect(Math.min(...(await prefetchStarts(page)))).toBeGreaterThanOrEqual(await drawnAt(page));
});
