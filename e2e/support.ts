import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** What the REST API says, to check the pages against the same data. */
export async function apiJson<T = any>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** Signs in through the local development sign-in form, as a person would. */
export async function signIn(page: Page, name: string, email: string) {
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Local development sign-in" });
  await expect(form.getByRole("heading", { name: "Local development sign-in" })).toBeVisible();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
}

/**
 * The header the portal's own pages add to changes (the CSRF cookie's value), for tests that call
 * the REST API with the page's session instead of clicking through a form.
 */
export async function csrfHeader(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((entry) => entry.name === "wf_csrf");
  if (!cookie) throw new Error("The portal set no wf_csrf cookie");
  return { "x-wayfinder-csrf": cookie.value };
}

/** Records in the page when `selector` first matches (performance.now()), for drawnAt; call before goto. */
export async function recordWhenDrawn(page: Page, selector: string): Promise<void> {
  await page.addInitScript((wanted) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(wanted)) return;
      (window as unknown as { drawnAt: number }).drawnAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

/** When recordWhenDrawn's selector first matched. */
export const drawnAt = (page: Page) => page.evaluate(() => (window as unknown as { drawnAt: number }).drawnAt);

/** When each route prefetch (a request for a route's RSC payload) started, in the page's time. */
export const prefetchStarts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).searchParams.has("_rsc"))
      .map((entry) => entry.startTime),
  );
