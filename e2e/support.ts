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

/**
 * Opens `path` as a reader not signed in until the server answers it from the render it keeps for every
 * such reader (scripts/page-cache.mjs): tests running beside this one write, and a write can mean a new
 * render. Returns that answer's outcome and every refusal the Content Security Policy reported meanwhile.
 */
export async function openKeptRender(page: Page, path: string, attempts: number): Promise<{ outcome: string | undefined; refused: string[] }> {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  let outcome: string | undefined;
  for (let attempt = 0; attempt < attempts && outcome !== "hit"; attempt++) outcome = (await page.goto(path))?.headers()["x-wayfinder-page-cache"];
  return { outcome, refused };
}
