import { expect, test } from "@playwright/test";

/**
 * How a service page loads (issue 27): Swagger UI's chunks are preloaded from the HTML, so the
 * browser fetches them with the page's own scripts; and no link prefetches a route (a server render
 * each) before Swagger UI has drawn the document, while links do prefetch after it.
 */

const preloadsOf = (html: string) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel="preload"/.test(tag) && /\bas="script"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)![1]!);

test("Swagger UI's scripts are preloaded by the page's HTML and fetched through those preloads", async ({ page, request }) => {
  const html = await (await request.get("/services/payments-api")).text();
  const chunks = preloadsOf(html).filter((href) => href.startsWith("/_next/static/chunks/"));
  expect(chunks.length, "preloaded chunks").toBeGreaterThan(0);

  await page.goto("/services/payments-api");
  await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
  // Every script Swagger UI needed came from a preload (initiator "link"), none was requested late by the code.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry as PerformanceResourceTiming)
      .map(({ name, initiatorType }) => ({ path: new URL(name).pathname, initiatorType })),
  );
  for (const chunk of chunks) {
    const fetched = scripts.find((entry) => entry.path === chunk);
    expect(fetched, chunk).toBeDefined();
    expect(fetched!.initiatorType, chunk).toBe("link");
  }
});

test("links prefetch only after Swagger UI has drawn the document, and then they do", async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(".opblock")) return;
      (window as unknown as { drawnAt: number }).drawnAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto("/services/payments-api");
  await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
  const prefetchStarts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).searchParams.has("_rsc"))
        .map((entry) => entry.startTime),
    );
  await expect.poll(async () => (await prefetchStarts()).length, { message: "links prefetch once the reference is drawn" }).toBeGreaterThan(0);
  const drawnAt = await page.evaluate(() => (window as unknown as { drawnAt: number }).drawnAt);
  expect(Math.min(...(await prefetchStarts()))).toBeGreaterThanOrEqual(drawnAt);
});
