import { expect, test } from "@playwright/test";
import { apiJson, openKeptRender } from "./support";

type Page = { total: number; items: { name: string; slug: string }[] };

test("the home page leads to the catalogue, which lists every service", async ({ page, request }) => {
  const all = await apiJson<Page>(request, "/api/v1/services");
  await page.goto("/");
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("heading", { name: "API catalogue" })).toBeVisible();
  await expect(page.getByTestId("service-row")).toHaveCount(all.total);
  await expect(page.getByTestId("result-count")).toHaveText(`${all.total} services`);
});

test("filters by team and lifecycle, keeps them in the URL and through a reload", async ({ page, request }) => {
  await page.goto("/services");
  await page.getByLabel("Team").selectOption("payments");
  await expect(page).toHaveURL(/team=payments/);
  const byTeam = await apiJson<Page>(request, "/api/v1/services?team=payments");
  await expect(page.getByTestId("service-row")).toHaveCount(byTeam.total);

  await page.getByRole("checkbox", { name: "production" }).check();
  await expect(page).toHaveURL(/team=payments.*lifecycle=production|lifecycle=production.*team=payments/);
  const filtered = await apiJson<Page>(request, "/api/v1/services?team=payments&lifecycle=production");
  expect(filtered.total).toBeGreaterThan(0);
  expect(filtered.total).toBeLessThan(byTeam.total);
  const rows = page.getByTestId("service-row");
  await expect(rows).toHaveCount(filtered.total);
  for (const service of filtered.items) await expect(rows.getByRole("link", { name: service.name, exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Team")).toHaveValue("payments");
  await expect(page.getByRole("checkbox", { name: "production" })).toBeChecked();
  await expect(page.getByTestId("service-row")).toHaveCount(filtered.total);
});

test("searches by text and opens a service", async ({ page }) => {
  await page.goto("/services");
  await page.getByRole("searchbox", { name: "Search" }).fill("jwks");
  await expect(page).toHaveURL(/q=jwks/);
  await expect(page.getByTestId("service-row")).toHaveCount(1);
  await page.getByRole("link", { name: "Identity API" }).click();
  await expect(page).toHaveURL(/\/services\/identity-api$/);
  await expect(page.getByRole("heading", { name: "Identity API", level: 1, exact: true })).toBeVisible();
});

test("a team page lists the services it owns", async ({ page, request }) => {
  const team = await apiJson<{ name: string; services: { name: string }[] }>(request, "/api/v1/teams/fulfilment");
  await page.goto("/teams");
  await page.getByRole("link", { name: team.name }).click();
  await expect(page).toHaveURL(/\/teams\/fulfilment$/);
  await expect(page.getByTestId("service-row")).toHaveCount(team.services.length);
});

test("the dark theme survives a reload", async ({ page }) => {
  await page.goto("/services");
  await page.getByRole("button", { name: /Switch to dark theme/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /Switch to light theme/ }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test.describe("with the system set to dark", () => {
  test.use({ colorScheme: "dark" });

  test("the portal starts dark when no theme was chosen", async ({ page }) => {
    await page.goto("/services/identity-api");
    await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByRole("button", { name: /Switch to light theme/ })).toBeVisible();
  });
});

test("says in words which filters of a hand-edited address were ignored", async ({ page }) => {
  await page.goto("/services?lifecycle=bogus&page=abc");
  const alert = page.getByRole("alert").filter({ hasText: "Some filters in this address" });
  await expect(alert).toContainText('lifecycle "bogus" is not one of experimental, production, deprecated, retired');
  await expect(alert).toContainText('page "abc" must be a whole number from 1');
  await expect(alert).not.toContainText("Invalid");
  await expect(page.getByTestId("service-row").first()).toBeVisible();
});

test("says so when the level filter names no configured level, and reads a level in any case", async ({ page }) => {
  await page.goto("/services?level=Platinum");
  await expect(page.getByRole("alert").filter({ hasText: "level filter was ignored" })).toContainText('level "Platinum" is not one of');
  await expect(page.getByTestId("service-row").first()).toBeVisible();
  await page.goto("/services?level=none");
  await expect(page.getByRole("alert").filter({ hasText: "level filter was ignored" })).toHaveCount(0);
});

test("every page has an icon: /favicon.ico answers with one", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
});

test("the catalogue shared by readers not signed in runs its scripts under each answer's own nonce", async ({ page }) => {
  // Kept per state of the catalogue, which tests running beside this one may change.
  const { outcome, refused } = await openKeptRender(page, "/services", 5);
  expect(outcome).toBe("hit");
  // Hydrated: the search box drives the address through the client's router.
  await page.getByRole("searchbox", { name: "Search" }).fill("jwks");
  await expect(page).toHaveURL(/q=jwks/);
  await expect(page.getByTestId("service-row")).toHaveCount(1);
  expect(refused).toEqual([]);
});
