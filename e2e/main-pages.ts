import { expect, type Page } from "@playwright/test";

/**
 * The pages a newcomer meets first, as the accessibility and small-screen tests visit them. Each
 * says what "ready" means for it, so a check never runs against a half-rendered page.
 */
export interface MainPage {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

/** Swagger UI rendered, one operation expanded with Try it out on: its form controls are checked too. */
const apiReference = (operationId: string) => async (page: Page) => {
  const reference = page.getByTestId("api-reference");
  await expect(reference.locator(".opblock").first()).toBeVisible();
  const operation = reference.locator(`.opblock[id$="-${operationId}"]`).first();
  await operation.locator(".opblock-summary-control").click();
  await expect(operation).toHaveClass(/is-open/);
  const tryItOut = operation.getByRole("button", { name: "Try it out" });
  if (await tryItOut.isVisible()) {
    await tryItOut.click();
    await expect(operation.getByRole("button", { name: "Execute" })).toBeVisible();
  }
};

/** React Flow has drawn the graph: a node's link is visible. */
const graphDrawn = (service: string) => async (page: Page) => {
  await expect(page.locator(".react-flow__node").getByRole("link", { name: service })).toBeVisible();
};

export const mainPages: MainPage[] = [
  { name: "catalogue", path: "/services", ready: heading("API catalogue") },
  { name: "service (Swagger 2.0)", path: "/services/inventory-service", ready: apiReference("getStock") },
  { name: "service (OpenAPI 3.0)", path: "/services/orders-api", ready: apiReference("getOrder") },
  { name: "service (OpenAPI 3.1)", path: "/services/identity-api", ready: apiReference("getJwks") },
  { name: "teams", path: "/teams", ready: heading("Teams") },
  { name: "dependency graph", path: "/services/payments-api/graph", ready: graphDrawn("Orders API") },
  { name: "team dependency graph", path: "/teams/commerce/graph", ready: graphDrawn("Storefront") },
  { name: "a team", path: "/teams/payments", ready: heading("Payments") },
  { name: "docs index", path: "/docs", ready: heading(/./) },
  { name: "a pattern", path: "/docs/patterns/pagination", ready: heading(/pagination/i) },
  { name: "an ADR", path: "/docs/adr/0006-cursor-pagination", ready: heading(/cursor/i) },
  { name: "onboarding", path: "/docs/onboarding", ready: heading(/./) },
  { name: "search", path: "/search?q=payment", ready: async (page) => void (await expect(page.getByRole("link", { name: /payment/i }).first()).toBeVisible()) },
  {
    name: "search (event APIs)",
    path: "/search?q=order%20placed&kind=event",
    ready: async (page) => void (await expect(page.getByTestId("event-hit").first()).toBeVisible()),
  },
  {
    name: "the AsyncAPI view (the Initiative's React component)",
    path: "/services/orders-api#event-api",
    ready: async (page) => {
      await page.getByText("The AsyncAPI view (the Initiative's React component)").click();
      await expect(page.getByTestId("asyncapi-view").locator(".aui-root")).toContainText("orders.placed", { timeout: 30_000 });
    },
  },
  { name: "changelog (HTTP and event API)", path: "/services/orders-api/changes", ready: heading("Changelog of Orders API") },
  { name: "sign-in", path: "/signin", ready: heading(/sign in/i) },
  { name: "scorecards", path: "/scorecards", ready: heading("Scorecards") },
  { name: "templates", path: "/create", ready: heading("Create a service") },
];
