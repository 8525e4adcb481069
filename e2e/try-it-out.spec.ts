import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

/** Opens one operation of the demo's Orders API (whose servers do not resolve: the mock is the default). */
async function openOperation(page: Page, id: string): Promise<Locator> {
  await page.goto("/services/orders-api");
  await expect(page.getByTestId("try-it-note")).toContainText("mock server by default");
  const operation = page.locator(`#operations-Orders-${id}`);
  await operation.locator(".opblock-summary-control").click();
  return operation;
}

async function authorize(page: Page) {
  await page.getByRole("button", { name: "Authorize" }).first().click();
  const dialog = page.locator(".dialog-ux");
  // On the mock a placeholder is filled in already: log it out to enter one's own.
  const logout = dialog.locator("button", { hasText: "Logout" });
  if (await logout.count()) await logout.first().click();
  await dialog.locator("input").first().fill("demo-token");
  await dialog.getByRole("button", { name: "Apply credentials" }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
}

test.describe("Try it out on a demo service", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "Newcomer", "newcomer@e2e.test");
  });

  test("executes a GET against the mock by default, with a named example", async ({ page }) => {
    const operation = await openOperation(page, "getOrder");
    await expect(page.locator(".servers select")).toHaveValue(/\/mock\/orders-api\/3\.4\.0$/);
    await authorize(page);
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.locator('input[placeholder="orderId"]').fill("ord_1");
    await operation.getByLabel("Mock example").selectOption("shipped");
    await operation.getByRole("button", { name: "Execute" }).click();
    const live = operation.locator(".live-responses-table");
    await expect(live.locator("tbody .response-col_status").first()).toHaveText("200");
    await expect(live.locator("tbody .response-col_description")).toContainText('"status": "shipped"');
  });

  test("a first Execute on the mock succeeds without Authorize: a placeholder credential is filled in, and the note says so", async ({ page }) => {
    const operation = await openOperation(page, "listOrders");
    await expect(page.getByTestId("mock-credentials-note")).toContainText("mock-credential");
    await expect(page.locator(".auth-wrapper .authorize.locked")).toBeVisible();
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.getByRole("button", { name: "Execute" }).click();
    await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
    await expect(operation.locator(".request-url, .curl-command").first()).toBeVisible();
    await expect(operation.locator(".curl-command")).toContainText("Bearer mock-credential");
  });

  test("executes a POST through the mock, and an invalid body gets 422 with its problems", async ({ page }) => {
    const operation = await openOperation(page, "createOrder");
    await authorize(page);
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.locator('input[placeholder="Idempotency-Key"]').fill("e2e-1");
    // Swagger UI fills in an example body from the schema: valid, so the mock answers 201.
    await operation.getByRole("button", { name: "Execute" }).click();
    const live = operation.locator(".live-responses-table");
    await expect(live.locator("tbody .response-col_status").first()).toHaveText("201");

    await operation.locator("textarea.body-param__text").fill('{"customerId": 42}');
    await operation.getByRole("button", { name: "Execute" }).click();
    await expect(live.locator("tbody .response-col_status").first()).toHaveText("422");
    await expect(live.locator("tbody .response-col_description")).toContainText("must have required property 'lines'");
  });

  test("shows code samples before Execute and copies one", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const operation = await openOperation(page, "getOrder");
    const samples = operation.getByRole("region", { name: /Code samples for GET/ });
    await expect(samples.getByRole("tab")).toHaveText(["curl", "JavaScript", "Python", "Go", "Java", "C#"]);
    await expect(samples.getByRole("tabpanel")).toContainText("curl");
    await expect(samples.getByRole("tabpanel")).toContainText("/mock/orders-api/3.4.0/orders/");
    await expect(samples.getByRole("tabpanel")).toContainText("Bearer <TOKEN>");
    await samples.getByRole("tab", { name: "Python" }).click();
    await expect(samples.getByRole("tabpanel")).toContainText("requests");
    await samples.getByRole("button", { name: "Copy" }).click();
    await expect(samples.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("requests.get(");
  });

  test("keeps credentials across a reload in this tab, and forgets them on sign-out", async ({ page }) => {
    const operation = await openOperation(page, "getOrder");
    const samples = operation.getByRole("region", { name: /Code samples for GET/ });
    await authorize(page);
    await samples.getByRole("checkbox", { name: "Use my credentials" }).check();
    await expect(samples.getByRole("tabpanel")).toContainText("Bearer demo-token");
    await page.reload();
    await expect(page.locator(".auth-wrapper .authorize.locked")).toBeVisible();
    // The credential itself came back, not only the lock: the samples (and Execute) can use it.
    await samples.getByRole("checkbox", { name: "Use my credentials" }).check();
    await expect(samples.getByRole("tabpanel")).toContainText("Bearer demo-token");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/services$/);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("wayfinder.try-auth:")))).toEqual([]);
  });

  test("a first successful call shows up in the service's time to first call", async ({ page }) => {
    const operation = await openOperation(page, "listOrders");
    await authorize(page);
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.getByRole("button", { name: "Execute" }).click();
    await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
    await page.goto("/services/orders-api");
    await expect(page.getByTestId("ttfc")).toContainText("Median");
    await page.goto("/insights");
    await expect(page.getByRole("table", { name: "Time to first successful call by service" })).toContainText("Orders");
  });
});

test("a change sent to a real server is confirmed first, naming the server, and not sent when declined", async ({ page }) => {
  await signIn(page, "Careful", "careful@e2e.test");
  await page.goto("/services/wayfinder");
  const operation = page.locator("#operations-Teams-createTeam");
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  const proxied: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/try/")) proxied.push(request.url());
  });
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await operation.getByRole("button", { name: "Execute" }).click();
  await expect.poll(() => asked).toContain("Send POST /api/v1/teams to the real server http://127.0.0.1:");
  await expect(operation.locator(".responses-wrapper")).toContainText("Cancelled: the request was not sent.");
  expect(proxied).toEqual([]);
});

test("Try it out pre-fills realistic values where the schema says what a field holds, not regex noise", async ({ page }) => {
  await signIn(page, "Prefill", "prefill@e2e.test");
  await page.goto("/services/wayfinder");
  const operation = page.locator("#operations-Teams-createTeam");
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  const body = JSON.parse(await operation.locator("textarea.body-param__text").inputValue()) as Record<string, unknown>;
  // The portal's own contract: onCallUrl is a URL with zod's lookahead patterns, email an email, slug a slug.
  expect(body.onCallUrl).toBe("https://example.com/resource");
  expect(body.email).toBe("jane.doe@example.com");
  expect(String(body.slug)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});
