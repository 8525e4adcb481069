import { expect, test } from "@playwright/test";
import { apiJson, drawnAt, prefetchStarts, recordWhenDrawn } from "./support";

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
  await recordWhenDrawn(page, ".opblock");
  await page.goto("/services/payments-api");
  await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
  await expect.poll(async () => (await prefetchStarts(page)).length, { message: "links prefetch once the reference is drawn" }).toBeGreaterThan(0);
  expect(Math.min(...(await prefetchStarts(page)))).toBeGreaterThanOrEqual(await drawnAt(page));
});

test.describe("before any script has run", () => {
  test.use({ javaScriptEnabled: false });

  test("a small document's operations are in the page's HTML, each a link to its deep link", async ({ page, request }) => {
    const service = await apiJson<{ versions: { operationCount: number; isCurrent: boolean }[] }>(request, "/api/v1/services/payments-api");
    const current = service.versions.find((version) => version.isCurrent)!;
    await page.goto("/services/payments-api");
    const preview = page.getByRole("navigation", { name: "Operations" });
    await expect(preview).toHaveAttribute("aria-busy", "true");
    await expect(preview.getByRole("link")).toHaveCount(current.operationCount);
    await expect(preview.getByRole("region", { name: "Payments" }).getByRole("link", { name: /^get \/payments\/\{paymentId\} /i })).toHaveAttribute(
      "href",
      "#/Payments/getPayment",
    );
  });
});

test("Swagger UI replaces the operations listed in the HTML, and opens one chosen from that list before it was up", async ({ page }) => {
  // The document is held back until the reader has chosen from the list the server sent.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/v1\/services\/payments-api\/versions\/[^/]+\/document/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/services/payments-api");
  const preview = page.getByTestId("operation-preview");
  await preview.getByRole("link", { name: /^get \/payments\/\{paymentId\} /i }).click();
  await expect(page).toHaveURL(/#\/Payments\/getPayment$/);
  release();
  await expect(page.locator("#operations-Payments-getPayment.is-open")).toBeVisible();
  await expect(preview).toHaveCount(0);
});
