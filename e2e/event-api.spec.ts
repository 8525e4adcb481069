import { expect, test } from "@playwright/test";

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
  await expect(rows).toHaveCount(2);
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
