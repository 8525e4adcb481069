import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("reads a pattern and copies its code", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/docs");
  await page.getByRole("navigation", { name: "Docs" }).getByRole("link", { name: "Idempotency keys", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/patterns\/idempotency-keys$/);
  await expect(page.getByRole("heading", { name: "Idempotency keys", level: 1 })).toBeVisible();
  // The sidebar marks the page shown, and only it.
  const sidebar = page.getByRole("navigation", { name: "Docs" });
  await expect(sidebar.getByRole("link", { name: "Idempotency keys", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(sidebar.locator("[aria-current=page]")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Reference implementation" })).toBeVisible();
  // The catalogue components render live data from the database.
  await expect(page.getByTestId("operation-ref").filter({ hasText: "/payments" }).first()).toBeVisible();

  const copy = page.getByRole("button", { name: "Copy code" }).nth(2);
  await copy.click();
  await expect(copy).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("export async function idempotent(");
  expect(copied).toContain("ON CONFLICT DO NOTHING");
});

test("opens an ADR and follows its supersession chain", async ({ page }) => {
  await page.goto("/docs/adr");
  await page.getByRole("link", { name: "ADR 3: Errors as RFC 7807 problem details" }).click();
  await expect(page.getByText("superseded", { exact: true })).toBeVisible();
  await page.getByRole("note").getByRole("link", { name: /ADR 7/ }).click();
  await expect(page).toHaveURL(/\/docs\/adr\/0007-errors-as-rfc-9457$/);
  const chain = page.getByRole("navigation", { name: "Supersession chain" });
  await expect(chain.getByText("ADR 7", { exact: true })).toHaveAttribute("aria-current", "page");
  await chain.getByRole("link", { name: "ADR 3 (superseded)" }).click();
  await expect(page).toHaveURL(/0003-errors-as-rfc-7807$/);
});

test("filters ADRs by status", async ({ page }) => {
  await page.goto("/docs/adr");
  const all = await page.getByTestId("adr-entry").count();
  expect(all).toBeGreaterThanOrEqual(6);
  await page.getByRole("link", { name: /^superseded \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/status=superseded/);
  await expect(page.getByTestId("adr-entry")).toHaveCount(1);
  await expect(page.getByTestId("adr-entry")).toContainText("ADR 3");
  await page.getByRole("link", { name: /^rejected \(\d+\)$/ }).click();
  await expect(page.getByTestId("adr-entry")).toHaveCount(1);
  await expect(page.getByTestId("adr-entry")).toContainText("GraphQL");
  await page.getByRole("link", { name: /^all/ }).click();
  await expect(page.getByTestId("adr-entry")).toHaveCount(all);
});

test("keeps a signed-in person's onboarding ticks across reloads, in their account", async ({ page }) => {
  await signIn(page, "Nina Newcomer", "nina@e2e.test");
  await page.goto("/docs/onboarding");
  const progress = page.getByTestId("onboarding-progress");
  await expect(progress).toContainText(/^0 of \d+ done/);
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  await page.getByRole("checkbox", { name: "Found your team's services in the catalogue" }).check();
  await page.getByRole("checkbox", { name: "Sent a request with Try it out and got a 200" }).check();
  await expect(progress).toContainText(`2 of ${total} done`);
  await expect.poll(async () => (await (await page.request.get("/api/v1/me/onboarding")).json()).items.length).toBe(2);

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Found your team's services in the catalogue" })).toBeChecked();
  await expect(progress).toContainText(`2 of ${total} done`);
  await page.getByRole("checkbox", { name: "Sent a request with Try it out and got a 200" }).uncheck();
  await expect(progress).toContainText(`1 of ${total} done`);
  expect((await (await page.request.get("/api/v1/me/onboarding")).json()).items).toEqual(["open-the-catalogue"]);
});

test("keeps an anonymous reader's ticks in the browser", async ({ page }) => {
  await page.goto("/docs/onboarding");
  await page.getByRole("checkbox", { name: "Cloned one of your team's services" }).check();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Cloned one of your team's services" })).toBeChecked();
  await expect(page.getByTestId("onboarding-progress")).toContainText(/^1 of \d+ done/);
});

test("carries the ticks made before signing in into the account", async ({ page }) => {
  await page.goto("/docs/onboarding");
  const progress = page.getByTestId("onboarding-progress");
  await expect(progress).toContainText(/^0 of \d+ done/);
  for (const name of ["Found your team's services in the catalogue", "Cloned one of your team's services", "Sent a request with Try it out and got a 200"])
    await page.getByRole("checkbox", { name }).check();
  await expect(progress).toContainText(/^3 of \d+ done/);
  await signIn(page, "Carla Carry", "carla@e2e.test");
  await page.goto("/docs/onboarding");
  await expect(progress).toContainText(/^3 of \d+ done/);
  await expect.poll(async () => (await (await page.request.get("/api/v1/me/onboarding")).json()).items.length).toBe(3);
  // Kept in the account, not in this browser any more.
  expect(await page.evaluate(() => localStorage.getItem("wayfinder-onboarding"))).toBeNull();
});

test("searches the docs and opens a result", async ({ page }) => {
  await page.goto("/docs");
  const search = page.getByRole("searchbox", { name: "Search the docs" });
  await search.fill("retries");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/docs\/search\?q=retries/);
  const hits = page.getByTestId("docs-hit");
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator("mark").first()).toHaveText(/^retr/i);
  const title = await hits.first().getByRole("link").textContent();
  await hits.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(title!.replace(/^ADR \d+: /, "").slice(0, 20));
});
