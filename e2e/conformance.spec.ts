import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { csrfHeader, signIn } from "./support";

test.describe.configure({ mode: "serial" });

// A contract for the portal's own /api/health that says what it does not do: `status` an integer and
// an `uptime` it never sends. Try it out calls the real endpoint (the server is the portal itself).
const driftingContract = {
  openapi: "3.0.3",
  info: { title: "Health, as misdescribed", version: "1.0.0" },
  servers: [{ url: "/api" }],
  paths: {
    "/health": {
      get: {
        operationId: "getHealth",
        tags: ["Health"],
        responses: {
          "200": {
            description: "Healthy",
            content: {
              "application/json": {
                schema: { type: "object", required: ["status", "uptime"], properties: { status: { type: "integer" }, uptime: { type: "number" } } },
              },
            },
          },
        },
      },
    },
  },
};

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const created = await page.request.post("/api/v1/services", {
    data: { slug: "health-drift", name: "Health drift", primaryOwner: "platform" },
    headers: await csrfHeader(page),
  });
  expect(created.status()).toBe(201);
  const published = await page.request.post("/api/v1/services/health-drift/versions", { data: driftingContract, headers: await csrfHeader(page) });
  expect(published.status()).toBe(201);
  await page.close();
});

async function execute(page: Page, operationId: string) {
  const operation = page.locator(`[id$='-${operationId}']`).first();
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await operation.getByRole("button", { name: "Execute" }).click();
  return operation;
}

test("a real response that matches the contract says so beside it", async ({ page }) => {
  await signIn(page, "Checker", "checker@e2e.test");
  await page.goto("/services/wayfinder");
  const operation = await execute(page, "listTeams");
  await expect(operation.getByTestId("conformance-verdict")).toHaveText("Matches the contract: the status, headers and body are what GET /teams documents.");
});

test("a real response that departs from the contract lists each mismatch beside it, and the service page counts it", async ({ page }) => {
  await signIn(page, "Checker", "checker@e2e.test");
  await page.goto("/services/health-drift");
  const operation = await execute(page, "getHealth");
  const verdict = operation.getByTestId("conformance-verdict");
  await expect(verdict).toContainText("2 mismatches with the contract of GET /health:");
  await expect(verdict.getByRole("listitem")).toHaveText([
    "`status` is a string, the contract says it must be integer",
    "`uptime` is missing, the contract requires it",
  ]);
  await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");

  await page.reload();
  const section = page.getByRole("region", { name: "Conformance of 1.0.0" });
  await expect(section.getByRole("list", { name: "What was checked" })).toContainText("Try it out: 1 checked, 1 departing from the contract");
  await expect(section.getByRole("table")).toContainText("`status` is a string, the contract says it must be integer");
});

test("/insights shows the defect just found, week by week and by team, accessible in both themes", async ({ page }) => {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/insights");
    const defects = page.getByRole("region", { name: "Serialization defects per release" });
    await expect(defects.getByRole("img", { name: /^Serialization defects per release, week by week over 13 weeks: 1 weeks measured, latest/ })).toBeVisible();
    await expect(defects.getByRole("table", { name: "Serialization defects per release by team" })).toContainText("Platform");
    await expect(defects.getByRole("table", { name: "Serialization defects per release by service" })).toContainText("Health drift");
    // The weekly figures are a table a screen reader can walk.
    await defects.getByText("Weekly figures").click();
    await expect(defects.getByRole("table", { name: "Serialization defects per release by week" }).getByRole("row")).toHaveCount(14);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]).analyze();
    expect(violations.filter((violation) => ["critical", "serious"].includes(violation.impact ?? "")).map((violation) => violation.id)).toEqual([]);
  }
});
