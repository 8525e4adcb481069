import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { csrfHeader, signIn } from "./support";

// The demo's event APIs (issue 28): Orders sends order.placed (AsyncAPI 3.0), Inventory receives it (2.6).
test("a service's event API shows what it sends, on which channel, and its messages' payloads", async ({ page }) => {
  await page.goto("/services/orders-api");
  const events = page.getByRole("region", { name: "Event API" });
  await expect(events).toBeVisible();
  await expect(events).toContainText("AsyncAPI 3.0.0");
  const placed = events.getByRole("row", { name: /orders\.placed/ });
  await expect(placed).toContainText("sends");
  await expect(placed).toContainText("sendOrderPlaced");
  // A message link leads to the message, whose payload schema opens on demand.
  await placed.getByRole("link", { name: "orderPlaced" }).click();
  await expect(page).toHaveURL(/#message-orderPlaced$/);
  const message = events.getByRole("region", { name: "Message orderPlaced" });
  // The payload schema with its references expanded, and the example.
  await message.getByText("Payload schema").click();
  await expect(message.locator("pre").first()).toContainText('"orderId"');
  await message.getByText("Example twoLines").click();
  await expect(message.locator("pre").nth(1)).toContainText('"sku": "TEA-EARLGREY-250"');
  // How a consumer subscribes: kcat and a Node.js client on the document's Kafka server.
  await events.getByText("Subscribe with kcat, Node.js (kafkajs)").first().click();
  await expect(events.getByText("kcat -b 'kafka.tidewater.example:9092' -t 'orders.placed' -C -o end")).toBeVisible();
});

test("the catalogue filters services by kind of contract and shows each event API's version", async ({ page }) => {
  await page.goto("/services?kind=event");
  const rows = page.getByTestId("service-row");
  // The demo's two event APIs (other tests may publish more): every row listed has one.
  await expect(rows.filter({ hasText: "Orders API" })).toHaveCount(1);
  for (const row of await rows.all()) await expect(row.getByTestId("event-api-version")).toBeVisible();
  await expect(rows.filter({ hasText: "Orders API" }).getByTestId("event-api-version")).toContainText("AsyncAPI 3.0");
  await expect(rows.filter({ hasText: "Inventory" }).getByTestId("event-api-version")).toContainText("AsyncAPI 2.6");
  await expect(page.getByLabel("Contract")).toHaveValue("event");
});

test("the receiving side of the same event, in AsyncAPI 2.6, reads the same way", async ({ page }) => {
  await page.goto("/services/inventory-service#event-api");
  const events = page.getByRole("region", { name: "Event API" });
  await expect(events).toContainText("AsyncAPI 2.6.0");
  const placed = events.getByRole("row", { name: /orders\.placed/ });
  await expect(placed).toContainText("receives");
  await expect(placed).toContainText("receiveOrderPlaced");
  await expect(events.getByRole("row", { name: /stock\.low/ })).toContainText("sends");
  // Channels are listed with their descriptions, each with an anchor search links to.
  await expect(page.locator("#channel-orders_placed")).toContainText("Orders placed by the Orders API");
  await expect(events.getByRole("link", { name: "Download JSON" })).toHaveAttribute(
    "href",
    "/api/v1/services/inventory-service/event-versions/1.0.0/document?revision=1",
  );
});

test("uploads an AsyncAPI file on a service page: checked as an event API, and published as one", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  // A service of its own: other tests read the demo services' contracts.
  const created = await page.request.post("/api/v1/services", {
    data: { slug: "flag-events", name: "Flag events", primaryOwner: "platform" },
    headers: await csrfHeader(page),
  });
  expect(created.status()).toBe(201);
  await page.goto("/services/flag-events");
  const document = [
    "asyncapi: 3.0.0",
    "info: { title: Flag events, version: 1.0.0 }",
    "channels:",
    "  flagChanged:",
    "    address: flags.changed",
    "    messages:",
    "      flagChanged: { payload: { type: object, properties: { key: { type: string } } }, examples: [{ payload: { key: dark-mode } }] }",
    "operations:",
    "  sendFlagChanged:",
    "    action: send",
    "    channel: { $ref: '#/channels/flagChanged' }",
    "",
  ].join("\n");
  await page.getByLabel("API description file").setInputFiles({ name: "flag-events.yaml", mimeType: "application/yaml", buffer: Buffer.from(document) });
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Valid event API" })).toContainText(
    "Version 1.0.0 of the event API would be published: 1 channel, 1 operation, 1 message.",
  );
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/eventVersion=1\.0\.0#event-api$/);
  const events = page.getByRole("region", { name: "Event API" });
  await expect(events.getByRole("row", { name: /flags\.changed/ })).toContainText("sends");
  const versions = await (await page.request.get("/api/v1/services/flag-events/event-versions")).json();
  expect(versions.items.map((version: { version: string; origin: string }) => [version.version, version.origin])).toEqual([["1.0.0", "upload"]]);
});

test("opens the event API in the AsyncAPI Initiative's React component, from the document the portal parsed, within the CSP", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto("/services/orders-api");
  await page.getByText("The AsyncAPI view (the Initiative's React component)").click();
  const view = page.getByTestId("asyncapi-view");
  await expect(view.locator(".aui-root")).toBeVisible({ timeout: 30_000 });
  await expect(view).toContainText("orders.placed");
  await expect(view).toContainText("sendOrderPlaced");
  expect(problems).toEqual([]);
  // Accessible in both themes: axe finds nothing critical or serious inside the component.
  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("button", { name: "Switch to dark theme" }).click();
    const results = await new AxeBuilder({ page }).include("[data-testid=asyncapi-view]").withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious");
    expect(serious.map((violation) => `${theme}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
  }
});
