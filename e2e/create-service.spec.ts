import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { apiJson, csrfHeader, signIn } from "./support";

test("a new service from the FastAPI template: form, catalogue entry with its contract, and the project as a zip", async ({ page, request }) => {
  const unique = Date.now().toString(36);
  const team = `tpl-${unique}`;
  const slug = `orders-${unique}`;
  const creator = `creator-${unique}@e2e.test`;
  // The admin sets up a team for someone else and leaves it, so the admin's own "my teams" views (which
  // other tests read at the same time) do not change.
  await signIn(page, "Admin", "admin@e2e.test");
  const created = await page.request.post("/api/v1/teams", { data: { slug: team, name: `Template team ${unique}` }, headers: await csrfHeader(page) });
  expect(created.status()).toBe(201);
  const added = await page.request.put(`/api/v1/teams/${team}/members`, { data: { email: creator, role: "maintainer" }, headers: await csrfHeader(page) });
  expect(added.ok()).toBe(true);
  const left = await page.request.delete(`/api/v1/teams/${team}/members/${encodeURIComponent("admin@e2e.test")}`, { headers: await csrfHeader(page) });
  expect(left.ok()).toBe(true);
  await signIn(page, "Casey Creator", creator);

  await page.goto("/create");
  await expect(page.getByRole("heading", { level: 1, name: "Create a service" })).toBeVisible();
  await page.getByRole("link", { name: "Python service (FastAPI)" }).click();
  const form = page.getByRole("form", { name: "Create a service from Python service (FastAPI)" });
  await form.getByLabel("Owning team").selectOption(team);

  // The manifest's rules, checked in the browser before anything is sent.
  await form.getByLabel("Service slug").fill("Not A Slug");
  await form.getByRole("button", { name: "Create the service" }).click();
  await expect(form.getByText("lower-case letters, digits and hyphens, 3 to 50 characters, starting with a letter")).toBeVisible();

  await form.getByLabel("Service slug").fill(slug);
  await form.getByLabel("Title").fill("E2E Orders");
  await form.getByLabel("Resource (singular)").fill("order");
  await form.getByLabel("Resource (plural)").fill("orders");
  await expect(form.getByText(`wayfinder new service --template fastapi-service --set name='${slug}'`)).toBeVisible();
  await form.getByRole("button", { name: "Create the service" }).click();
  await expect(page.getByRole("heading", { name: "Created E2E Orders" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the project (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${slug}.zip`);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files)).toEqual(expect.arrayContaining([`${slug}/openapi.yaml`, `${slug}/app/routes/orders.py`, `${slug}/Dockerfile`]));
  expect(strFromU8(files[`${slug}/openapi.yaml`]!)).toContain("operationId: listOrders");

  // In the catalogue, owned by the team, its contract rendered by Swagger UI.
  // Read on a fresh connection: the page's request context sat idle through the form, past the server's keep-alive.
  const service = await apiJson<{ owners: { slug: string }[]; versions: { version: string }[] }>(request, `/api/v1/services/${slug}`);
  expect(service.owners.map((owner) => owner.slug)).toEqual([team]);
  expect(service.versions.map((version) => version.version)).toEqual(["0.1.0"]);
  await page.getByRole("link", { name: `Open ${slug}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E Orders", exact: true })).toBeVisible();
  const reference = page.getByTestId("api-reference");
  await expect(reference.locator('.opblock[id$="-listOrders"]').first()).toBeVisible();
  await expect(reference.locator('.opblock[id$="-createOrder"]').first()).toBeVisible();
});

test("a pattern shows its FastAPI reference implementation in a tab, the template's own code", async ({ page, request }) => {
  await page.goto("/docs/patterns/pagination");
  const tabs = page.getByRole("tablist");
  await expect(tabs.getByRole("tab", { name: "TypeScript" })).toHaveAttribute("aria-selected", "true");
  await tabs.getByRole("tab", { name: "Python (FastAPI)" }).click();
  const panel = page.getByRole("tabpanel", { name: "Python (FastAPI)" });
  await expect(panel.getByText("def paginate(")).toBeVisible();
  await expect(page.getByRole("tabpanel", { name: "TypeScript" })).toBeHidden();

  // Exactly the file the template writes.
  const template = await apiJson<{ files: Record<string, string> }>(request, "/api/v1/templates/fastapi-service");
  // (Shiki keeps a space in each empty line's span: lines are compared without trailing spaces.)
  const lines = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((line) => line.trimEnd());
  const code = (await panel.locator("pre").first().textContent()) ?? "";
  expect(lines(code)).toEqual(lines(template.files["app/pagination.py"]!));

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
  await tabs.getByRole("tab", { name: "Python (FastAPI)" }).press("ArrowLeft");
  await expect(tabs.getByRole("tab", { name: "TypeScript" })).toBeFocused();
  await expect(page.getByRole("tabpanel", { name: "TypeScript" })).toBeVisible();
});
