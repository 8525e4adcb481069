import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { csrfHeader, signIn } from "./support";

// One story in order: the second person looks at what the first one registered.
test.describe.configure({ mode: "serial" });

test("sign in, create a team, register a service with two owning teams, find it, edit it and see the history", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");

  await page.goto("/teams");
  await page.getByRole("link", { name: "Create a team" }).click();
  await page.getByLabel("Name").fill("Rocket Team");
  await expect(page.getByLabel("Slug")).toHaveValue("rocket-team");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/teams\/rocket-team$/);
  await expect(page.getByRole("table", { name: "Members" })).toContainText("admin@e2e.test");

  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Register a service" });
  await form.getByLabel("Name", { exact: true }).fill("Launch Control");
  await expect(form.getByLabel("Slug")).toHaveValue("launch-control");
  await form.getByLabel("Description").fill("Counts down.");
  await form.getByLabel("Lifecycle").selectOption("production");
  await form.getByLabel("Tags").fill("rockets, launch");
  await form.getByLabel("Primary owner").selectOption({ label: "Rocket Team" });
  await form.getByRole("checkbox", { name: "Payments" }).check();
  await form.getByRole("button", { name: "Register service" }).click();

  await expect(page).toHaveURL(/\/services\/launch-control$/);
  const owners = page.locator("aside");
  await expect(owners.getByRole("link", { name: "Rocket Team" })).toBeVisible();
  await expect(owners.getByRole("link", { name: "Payments", exact: true })).toBeVisible();
  await expect(owners).toContainText("(primary)");
  // Who to ask: each owning team's chat channel and email.
  await expect(
    owners.getByTestId("owner-contact").filter({ hasText: "#team-payments" }).getByRole("link", { name: "payments@tidewater.example" }),
  ).toHaveAttribute("href", "mailto:payments@tidewater.example");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "My services" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Launch Control" })).toBeVisible();

  await page.goto("/services");
  await page.getByRole("checkbox", { name: "owned by my teams" }).check();
  await expect(page).toHaveURL(/mine=true/);
  await expect(page.getByTestId("service-row")).toHaveCount(1);
  await page.goto("/services?q=launch");
  await expect(page.getByRole("link", { name: "Launch Control" })).toBeVisible();

  await page.goto("/services/launch-control");
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/services\/launch-control\/edit$/);
  await page.getByLabel("Description").fill("Counts down and launches.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/services\/launch-control$/);
  await expect(page.getByRole("region", { name: "Overview" })).toContainText("Counts down and launches.");
  const latest = page.getByTestId("audit-entry").first();
  await expect(latest).toContainText("admin@e2e.test");
  await expect(latest).toContainText("service.update");
  await expect(latest).toContainText("description");

  const service = await (await page.request.get("/api/v1/services/launch-control")).json();
  expect(service.description).toBe("Counts down and launches.");
  expect(service.owners.map((owner: { slug: string; isPrimary: boolean }) => [owner.slug, owner.isPrimary])).toEqual([
    ["rocket-team", true],
    ["payments", false],
  ]);
});

test("someone who is not a maintainer sees no edit controls, and the API refuses them", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "Bob Bystander", "bob@e2e.test");
  await page.goto("/services/launch-control");
  await expect(page.getByRole("heading", { name: "Launch Control", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  const response = await page.request.patch("/api/v1/services/launch-control", { data: { description: "hijacked" }, headers: await csrfHeader(page) });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("FORBIDDEN");
  await page.goto("/services/launch-control/edit");
  await expect(page.getByRole("heading", { name: /You cannot edit/ })).toBeVisible();
  expect((await (await page.request.get("/api/v1/services/launch-control")).json()).description).toBe("Counts down and launches.");
  await context.close();
});

test("the register form shows validation errors next to their fields", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  await page.goto("/services/new");
  const form = page.getByRole("form", { name: "Register a service" });
  await form.getByLabel("Name", { exact: true }).fill("Launch Control");
  await form.getByLabel("Slug").focus();
  await form.getByLabel("Description").focus();
  await expect(form.getByText('"launch-control" is taken by another service')).toBeVisible();
  await form.getByLabel("Slug").fill("Bad Slug!");
  await form.getByLabel("Repository URL").fill("ftp://example.com/repo");
  await form.getByRole("button", { name: "Register service" }).click();
  await expect(form.getByText(/must be lower-case letters/)).toBeVisible();
  await expect(form.getByText("must be an http(s) URL")).toBeVisible();
  await expect(page).toHaveURL(/\/services\/new$/);
});

test("uploads a document on a service page, checks it, publishes it, and shows the new version and its docs", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  await page.goto("/services/feature-flags");
  const document = {
    openapi: "3.0.3",
    info: { title: "Feature Flags", version: "0.3.0" },
    paths: {
      "/flags": { get: { operationId: "listFlags", summary: "List flags", responses: { "200": { description: "The flags." } } } },
      "/flags/{key}/history": {
        get: {
          operationId: "getFlagHistory",
          summary: "A flag's change history",
          parameters: [{ name: "key", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "Changes." } },
        },
      },
    },
  };
  await page
    .getByLabel("API description file")
    .setInputFiles({ name: "flags.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Valid:" })).toContainText("0.3.0 (openapi-3.0, 2 operations)");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/version=0\.3\.0/);
  // Publishing says what it did.
  await expect(page.getByTestId("publish-outcome")).toContainText("Published 0.3.0 as a new version (2 operations).");
  await expect(page.getByLabel("API version")).toHaveValue("0.3.0#1");
  await expect(page.getByLabel("API version").locator("option:checked")).toContainText("current");
  await expect(page.getByTestId("api-reference").locator(".opblock")).toHaveCount(2);
  await expect(page.getByTestId("api-reference").locator(".opblock-summary-path", { hasText: "/flags/{key}/history" })).toBeVisible();

  // An invalid file is explained, and nothing is stored.
  await page
    .getByLabel("API description file")
    .setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from("openapi: 3.0.3\ninfo: { version: '9' }\npaths: {}\n") });
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a valid" })).toContainText('missing required property "title" at /info');
  // Said once, not in the message and again in the list.
  await expect(page.getByText('missing required property "title" at /info')).toHaveCount(1);
  const versions = await (await page.request.get("/api/v1/services/feature-flags/versions")).json();
  expect(versions.items.map((version: { version: string }) => version.version)).toEqual(["0.3.0", "0.2.0"]);
});

test("renders markup from a document's text as text: no script in it runs", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const created = await page.request.post("/api/v1/services", {
    data: { slug: "scripted", name: "Scripted", primaryOwner: "platform" },
    headers: await csrfHeader(page),
  });
  expect(created.status()).toBe(201);
  const hostile = readFileSync(path.resolve("test/fixtures/hostile/script-in-descriptions.yaml"));
  const published = await page.request.post("/api/v1/services/scripted/versions", {
    data: hostile,
    headers: { "Content-Type": "application/yaml", ...(await csrfHeader(page)) },
  });
  expect(published.status()).toBe(201);

  await page.goto("/services/scripted");
  const reference = page.getByTestId("api-reference");
  await expect(reference.locator(".info .title")).toContainText("<script>window.__wayfinderXss = 1</script>Scripted");
  await reference.locator(".opblock-summary-control").first().click();
  await expect(reference.locator(".responses-wrapper")).toBeVisible();
  expect(await page.evaluate(() => (window as { __wayfinderXss?: number }).__wayfinderXss)).toBeUndefined();
  expect(await reference.locator("script, iframe, img[onerror], svg[onload]").count()).toBe(0);
});

test("under a block policy, Check warns that Publish will be refused, and a maintainer publishes with a reason", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const headers = { ...(await csrfHeader(page)), "Content-Type": "application/json" };
  await page.request.post("/api/v1/teams", { headers, data: { slug: "gatekeepers", name: "Gatekeepers" } });
  expect((await page.request.post("/api/v1/services", { headers, data: { slug: "gated-api", name: "Gated API", primaryOwner: "gatekeepers" } })).status()).toBe(
    201,
  );
  const version = (number: string, paths: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ openapi: "3.0.3", info: { title: "Gated", version: number }, paths }));
  const ok = { get: { responses: { "200": { description: "ok" } } } };
  expect((await page.request.post("/api/v1/services/gated-api/versions", { headers, data: version("1.0.0", { "/a": ok, "/b": ok }) })).status()).toBe(201);
  expect((await page.request.patch("/api/v1/services/gated-api", { headers, data: { breakingChangePolicy: "block" } })).status()).toBe(200);

  await page.goto("/services/gated-api");
  await page.getByLabel("API description file").setInputFiles({ name: "gated.json", mimeType: "application/json", buffer: version("2.0.0", { "/a": ok }) });
  await page.getByRole("button", { name: "Check" }).click();
  const warning = page.getByTestId("policy-warning");
  await expect(warning).toContainText("Publishing will be refused: 1 breaking change since 1.0.0 (revision 1), and this service blocks breaking changes.");
  const publish = page.getByRole("button", { name: "Publish" });
  await expect(publish).toBeDisabled();
  await warning.getByLabel(/Reason to publish them anyway/).fill("GET /b had no callers for 90 days");
  await publish.click();
  await expect(page).toHaveURL(/version=2\.0\.0/);
  await expect(page.getByTestId("publish-outcome")).toContainText('accepted: "GET /b had no callers for 90 days"');
  const history = await (await page.request.get("/api/v1/services/gated-api/history")).json();
  expect(history.items.map((entry: { action: string }) => entry.action)).toContain("version.publish_breaking");
});

test("transferring primary ownership asks first, naming the team, and does nothing when declined", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  const headers = { ...(await csrfHeader(page)), "Content-Type": "application/json" };
  for (const slug of ["handing-over", "taking-over"]) await page.request.post("/api/v1/teams", { headers, data: { slug, name: slug.replace("-", " ") } });
  expect(
    (await page.request.post("/api/v1/services", { headers, data: { slug: "handed-api", name: "Handed API", primaryOwner: "handing-over" } })).status(),
  ).toBe(201);
  await page.goto("/services/handed-api/edit");
  await page.getByLabel("New primary owner").selectOption("taking-over");
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Transfer" }).click();
  await expect.poll(() => asked).toContain("Make taking over the primary owner of handed-api?");
  const service = await (await page.request.get("/api/v1/services/handed-api")).json();
  expect(service.owners.find((owner: { isPrimary: boolean }) => owner.isPrimary).slug).toBe("handing-over");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Transfer" }).click();
  await expect(page).toHaveURL(/\/services\/handed-api$/);
  const after = await (await page.request.get("/api/v1/services/handed-api")).json();
  expect(after.owners.find((owner: { isPrimary: boolean }) => owner.isPrimary).slug).toBe("taking-over");
});
