import { expect, test, type Page } from "@playwright/test";
import { mainPages } from "./main-pages";
import { csrfHeader, signIn } from "./support";

// An iPhone 12 to 15's width in CSS pixels.
test.use({ viewport: { width: 390, height: 844 } });

/** Elements that reach past the viewport's right edge without a scrolling box of their own to hold them. */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node && node !== document.body; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") return true;
      }
      return false;
    };
    // An element's own overflowing text counts too (a long unbroken address), not only its box.
    const rightEdge = (element: Element) => {
      const { left, right } = element.getBoundingClientRect();
      return getComputedStyle(element).overflowX === "visible" ? Math.max(right, left + element.scrollWidth) : right;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((element) => rightEdge(element) > width + 1 && !scrollsItself(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")} (right edge ${Math.round(rightEdge(element))} px)`);
  });
}

for (const { name, path, ready } of mainPages) {
  test(`${name} (${path}) fits a 390 px screen without scrolling sideways`, async ({ page }) => {
    await page.goto(path);
    await ready(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(await overflowingElements(page), `elements wider than the screen on ${path}`).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
}

test("the header folds into a menu that still holds navigation, search, sign-in and the theme", async ({ page }) => {
  await page.goto("/services");
  const menu = page.getByRole("button", { name: "Menu" });
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(main).toBeHidden();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(main.getByRole("link", { name: "Docs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Switch to (dark|light) theme/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Search/ }).first()).toBeVisible();

  // Escape closes it and gives focus back to the button; following a link closes it too.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(main).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await main.getByRole("link", { name: "Docs" }).click();
  await expect(page).toHaveURL(/\/docs$/);
  await expect(main).toBeHidden();
});

test("the docs sidebar folds away on a phone and opens from its button", async ({ page }) => {
  await page.goto("/docs/patterns/pagination");
  const sidebar = page.getByRole("navigation", { name: "Docs" });
  await expect(sidebar).toBeHidden();
  // The article comes first on the screen, not the list of every page.
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await page.getByRole("button", { name: "Docs contents" }).click();
  await expect(sidebar.getByRole("link", { name: "Idempotency keys", exact: true })).toBeVisible();
  await sidebar.getByRole("link", { name: "Idempotency keys", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/patterns\/idempotency-keys$/);
  await expect(sidebar).toBeHidden();
});

test("a long deprecation list is folded behind its count, and its long paths fit a phone", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const headers = { ...(await csrfHeader(page)), "Content-Type": "application/json" };
  await page.request.post("/api/v1/teams", { headers, data: { slug: "sunsetters", name: "Sunsetters" } });
  await page.request.post("/api/v1/services", { headers, data: { slug: "sunsetting-api", name: "Sunsetting API", primaryOwner: "sunsetters" } });
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 15; i += 1)
    paths[`/accounts/{accountIdentifier}/legacyPaymentInstrumentAuthorizations${i}/{authorizationIdentifier}`] = {
      get: {
        deprecated: true,
        parameters: ["accountIdentifier", "authorizationIdentifier"].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        responses: { "200": { description: "ok" } },
      },
    };
  const document = { openapi: "3.0.3", info: { title: "Sunsetting", version: "1.0.0" }, paths };
  expect((await page.request.post("/api/v1/services/sunsetting-api/versions", { headers, data: document })).status()).toBeLessThan(300);
  await page.goto("/services/sunsetting-api");
  const list = page.getByTestId("deprecated-operations");
  await expect(list.locator("summary")).toHaveText("Deprecated operations in this version (15)");
  await expect(list).not.toHaveAttribute("open", "");
  await list.locator("summary").click();
  await expect(list.locator("li")).toHaveCount(15);
  expect(await overflowingElements(page)).toEqual([]);
});
