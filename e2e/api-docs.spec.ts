import { expect, test } from "@playwright/test";
import { SPEC_LOADED_MARK } from "../components/api-reference/spec-loaded-mark";
import { apiJson, openKeptRender, signIn } from "./support";

type Service = { name: string; versions: { version: string; format: string; operationCount: number; isCurrent: boolean; title: string }[] };

for (const [slug, format, path] of [
  ["inventory-service", "swagger-2.0", "/stock/{sku}"],
  ["orders-api", "openapi-3.0", "/orders/{orderId}/cancel"],
  ["identity-api", "openapi-3.1", "/.well-known/jwks.json"],
] as const) {
  test(`renders the ${format} document of ${slug} with Swagger UI`, async ({ page, request }) => {
    const service = await apiJson<Service>(request, `/api/v1/services/${slug}`);
    const current = service.versions.find((version) => version.isCurrent)!;
    expect(current.format).toBe(format);
    await page.goto(`/services/${slug}`);
    const reference = page.getByTestId("api-reference");
    await expect(reference.locator(".info .title")).toContainText(current.title);
    await expect(reference.locator(".opblock")).toHaveCount(current.operationCount);
    await expect(reference.locator(".opblock-summary-path", { hasText: path }).first()).toBeVisible();
  });
}

test("switches version through the URL and stays there after a reload", async ({ page, request }) => {
  const service = await apiJson<Service>(request, "/api/v1/services/payments-api");
  const older = service.versions.find((version) => version.version === "1.0.0")!;
  const newer = service.versions.find((version) => version.isCurrent)!;
  expect(older.operationCount).toBeLessThan(newer.operationCount);

  await page.goto("/services/payments-api");
  const operations = page.getByTestId("api-reference").locator(".opblock");
  await expect(operations).toHaveCount(newer.operationCount);

  await page.getByLabel("API version").selectOption({ label: `1.0.0 · OpenAPI 3.0` });
  await expect(page).toHaveURL(/version=1\.0\.0/);
  await expect(page.getByTestId("api-reference").locator(".info .title")).toContainText("1.0.0");
  await expect(operations).toHaveCount(older.operationCount);

  await page.reload();
  await expect(page.getByLabel("API version")).toHaveValue("1.0.0#1");
  await expect(operations).toHaveCount(older.operationCount);
  await expect(page.getByTestId("api-reference").locator(".opblock-tag", { hasText: "Refunds" })).toHaveCount(0);
});

test("Swagger UI parses and resolves each document once, not once per way it was handed over", async ({ page }) => {
  const loads = () => page.evaluate((mark) => performance.getEntriesByName(mark).length, SPEC_LOADED_MARK);
  // Wayfinder's own document is OpenAPI 3.1, whose resolution is the costliest.
  await page.goto("/services/wayfinder");
  await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
  await expect(page.getByTestId("api-reference").locator(".info .title")).toBeVisible();
  expect(await loads()).toBe(1);

  // Another version is another document: exactly one more, in the same page. Both of a double load's
  // calls come before Swagger UI draws, so the count read once the new version is drawn is final.
  await page.goto("/services/payments-api");
  await expect(page.getByTestId("api-reference").locator(".opblock").first()).toBeVisible();
  expect(await loads()).toBe(1);
  await page.getByLabel("API version").selectOption({ label: `1.0.0 · OpenAPI 3.0` });
  await expect(page.getByTestId("api-reference").locator(".info .title")).toContainText("1.0.0");
  await expect(page.getByTestId("api-reference").locator(".opblock-tag", { hasText: "Refunds" })).toHaveCount(0);
  expect(await loads()).toBe(2);
});

test("an expanded operation is in the URL, so a reload lands on it", async ({ page }) => {
  await page.goto("/services/orders-api");
  await page.locator("#operations-Orders-getOrder .opblock-summary-control").click();
  await expect(page).toHaveURL(/#\/Orders\/getOrder$/);
  await page.reload();
  await expect(page.locator("#operations-Orders-getOrder.is-open")).toBeVisible();
});

test("JSON examples are coloured by the portal's highlighter: keys and values apart, every piece a token, the text intact", async ({ page }) => {
  await page.goto("/services/orders-api");
  const operation = page.locator("#operations-Orders-getOrder");
  await operation.locator(".opblock-summary-control").click();
  const example = operation.locator(".responses-wrapper .highlight-code code.language-json").first();
  await expect(example).toBeVisible();
  JSON.parse((await example.textContent())!); // the example's text, whole
  const pieces = await example.locator("span").evaluateAll((spans) => spans.map((span) => [span.textContent!, getComputedStyle(span).color]));
  // The theme's colours (code-theme.ts): keys #f0c674, strings #b5bd68; numbers and literals #de935f.
  const key = "rgb(240, 198, 116)";
  expect(pieces.filter(([, colour]) => colour === key).length).toBeGreaterThan(0);
  expect(pieces.filter(([, colour]) => colour === key).every(([text]) => /^".*"$/.test(text!))).toBe(true);
  expect(pieces.some(([, colour]) => colour === "rgb(181, 189, 104)" || colour === "rgb(222, 147, 95)")).toBe(true);
  // highlight.js (Swagger UI's own) wraps each line in an uncoloured span as well; here each span is a token.
  expect(pieces.every(([, colour]) => colour !== "rgb(226, 232, 240)")).toBe(true);
});

test("Try it out sends a real request to Wayfinder's own API, through the proxy, and shows the answer", async ({ page }) => {
  await signIn(page, "Trier", "trier@e2e.test");
  await page.goto("/services/wayfinder");
  const operation = page.locator("#operations-Services-listServices");
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await operation.locator('input[placeholder="q"]').fill("payments");
  await operation.getByRole("button", { name: "Execute" }).click();
  const live = operation.locator(".live-responses-table");
  await expect(live.locator("tbody .response-col_status").first()).toHaveText("200");
  await expect(live.locator("tbody .response-col_description")).toContainText('"payments-api"');
  await expect(operation.locator(".request-url")).toContainText("/api/v1/services?q=payments");
});

test("expands an OpenAPI 3.1 operation (Swagger UI's 3.1 support survives the bundler)", async ({ page }) => {
  await page.goto("/services/identity-api");
  const operation = page.locator("#operations-Users-getUser");
  await operation.locator(".opblock-summary-control").click();
  await expect(operation.locator(".parameters-container")).toContainText("userId");
  await expect(operation.locator(".responses-wrapper")).toContainText("The user.");
});

test("downloads typed clients of the version shown, and links its Markdown", async ({ page }) => {
  await page.goto("/services/payments-api?version=1.0.0");
  for (const [name, file] of [
    ["TypeScript client", "payments-api-client.zip"],
    ["Python client", "payments-api-client-python.zip"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    const bytes = await (await download.createReadStream()).toArray();
    // A zip starts with a local file header, PK\x03\x04.
    expect(Buffer.concat(bytes).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(download.url()).toContain("/versions/1.0.0/client?lang=");
  }
  await expect(page.getByRole("link", { name: "Markdown", exact: true })).toHaveAttribute("href", "/services/payments-api.md");
});

test("a service page shared by readers not signed in draws Swagger UI under each answer's own nonce", async ({ page }) => {
  // Kept per write position of the database, which any write by a test running beside this one moves.
  const { outcome, refused } = await openKeptRender(page, "/services/orders-api", 20);
  expect(outcome).toBe("hit");
  // Swagger UI runs only in the browser: an operation that opens is the page's scripts running.
  await page.locator("#operations-Orders-getOrder .opblock-summary-control").click();
  await expect(page.locator("#operations-Orders-getOrder .parameters-container")).toContainText("orderId");
  expect(refused).toEqual([]);
});
