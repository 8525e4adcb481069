/**
 * Creating a service from a template, over HTTP against a running portal: who may, what is stored
 * (the service, its owner, version 0.1.0 of the generated contract, the audit entry), what is refused
 * and leaves nothing behind, the zip download, and `wayfinder new --from-portal`.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, type Dirent } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { contractErrors } from "../support/contract";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const run = promisify(execFile);

describe("creating a service from a template", () => {
  let server: PortalServer;
  let dataDir: string;
  let admin: SessionHeaders;
  let alice: SessionHeaders;

  const call = (who: Record<string, string>, method: string, url: string, body?: unknown) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: { ...who, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const orders = { name: "orders-api", title: "Orders API", description: "Takes and tracks orders.", resource: "order", resources: "orders" };

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-create-", { demo: false });
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@create.test", WAYFINDER_DEMO: "false" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@create.test" });
    for (const slug of ["alpha", "beta"]) expect((await call(admin, "POST", "/api/v1/teams", { slug, name: slug })).status).toBe(201);
    // A plain member (not a maintainer): registering services for the team is theirs to do.
    expect((await call(admin, "PUT", "/api/v1/teams/alpha/members", { email: "alice@create.test", role: "member" })).ok).toBe(true);
    alice = await signInLocally(server.url, { name: "Alice", email: "alice@create.test" });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the templates with their parameters, and serves one with its files", async () => {
    const list = (await (await call(alice, "GET", "/api/v1/templates")).json()) as { items: { name: string; kind: string; parameters: { name: string }[] }[] };
    expect(list.items.map((template) => `${template.name}:${template.kind}`)).toEqual([
      "fastapi-endpoint:endpoint",
      "fastapi-service:service",
      "typescript-endpoint:endpoint",
      "typescript-service:service",
    ]);
    expect(list.items.find((template) => template.name === "fastapi-service")!.parameters.map((parameter) => parameter.name)).toEqual([
      "name",
      "title",
      "description",
      "resource",
      "resources",
    ]);
    expect(contractErrors("/templates", "get", 200, list)).toEqual([]);
    const one = (await (await call(alice, "GET", "/api/v1/templates/fastapi-service")).json()) as { files: Record<string, string> };
    expect(contractErrors("/templates/{name}", "get", 200, one)).toEqual([]);
    const endpoint = await (await call(alice, "GET", "/api/v1/templates/fastapi-endpoint")).json();
    expect(contractErrors("/templates/{name}", "get", 200, endpoint)).toEqual([]);
    expect(endpoint).toMatchObject({ manifest: { kind: "endpoint", for: "fastapi-service" }, operation: expect.stringContaining("paths:") });
    expect(Object.keys(one.files)).toContain("app/routes/{{resources}}.py");
    expect((await call(alice, "GET", "/api/v1/templates/no-such-template")).status).toBe(404);
  });

  it("refuses a team the caller does not belong to, and anonymous callers, creating nothing", async () => {
    const refused = await call(alice, "POST", "/api/v1/templates/fastapi-service/services", { team: "beta", values: orders });
    expect(refused.status).toBe(403);
    expect((await call({}, "POST", "/api/v1/templates/fastapi-service/services", { team: "alpha", values: orders })).status).toBe(401);
    expect((await call(alice, "POST", "/api/v1/templates/fastapi-service/archive", { team: "beta", values: orders })).status).toBe(403);
    expect((await call(admin, "GET", "/api/v1/services/orders-api")).status).toBe(404);
  });

  it("refuses invalid values by name, with the template's own words, creating nothing", async () => {
    const response = await call(alice, "POST", "/api/v1/templates/fastapi-service/services", { team: "alpha", values: { ...orders, name: "Orders API" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { issues: { path: string; message: string }[] } } };
    expect(body.error.details.issues).toContainEqual({
      path: "values.name",
      message: "lower-case letters, digits and hyphens, 3 to 50 characters, starting with a letter",
    });
    const endpoint = await call(alice, "POST", "/api/v1/templates/fastapi-endpoint/services", { team: "alpha", values: {} });
    expect(endpoint.status).toBe(400);
    expect((await call(admin, "GET", "/api/v1/services?pageSize=100")).ok).toBe(true);
    expect(((await (await call(admin, "GET", "/api/v1/services?pageSize=100")).json()) as { total: number }).total).toBe(0);
  });

  it("registers the service for the team with the generated contract as version 0.1.0, audited", async () => {
    const response = await call(alice, "POST", "/api/v1/templates/fastapi-service/services", { team: "alpha", values: orders });
    const created = (await response.json()) as {
      service: { slug: string; name: string; owners: { slug: string; isPrimary: boolean }[]; versions: { version: string }[] };
      version: { version: string; kind: string; operationCount: number };
      files: string[];
    };
    expect(response.status, JSON.stringify(created)).toBe(201);
    expect(contractErrors("/templates/{name}/services", "post", 201, created)).toEqual([]);
    expect(response.headers.get("location")).toBe("/api/v1/services/orders-api");
    expect(created.service).toMatchObject({ slug: "orders-api", name: "Orders API", versions: [{ version: "0.1.0", isCurrent: true, origin: "upload" }] });
    expect(created.service.owners).toEqual([expect.objectContaining({ slug: "alpha", isPrimary: true })]);
    expect(created.version).toMatchObject({ version: "0.1.0", kind: "version", operationCount: 5 });
    expect(created.files).toContain("app/routes/orders.py");

    const document = (await (await call(alice, "GET", "/api/v1/services/orders-api/versions/0.1.0/document")).json()) as {
      info: { title: string };
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.info.title).toBe("Orders API");
    expect(document.paths["/orders"]!.get!.operationId).toBe("listOrders");
    expect(document.paths["/orders/{orderId}"]!.get!.operationId).toBe("getOrder");

    const audit = (await (await call(admin, "GET", "/api/v1/audit?service=orders-api")).json()) as { items: { action: string; actor: unknown }[] };
    expect(audit.items.map((entry) => entry.action).sort()).toEqual(["service.create", "service.create_from_template", "version.publish"]);

    // The service page renders, with its API reference.
    const page = await fetch(`${server.url}/services/orders-api`, { headers: alice });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Orders API");
  });

  it("refuses a second service with the same slug, leaving the first as it was", async () => {
    const again = await call(alice, "POST", "/api/v1/templates/typescript-service/services", { team: "alpha", values: orders });
    expect(again.status).toBe(409);
    const versions = (await (await call(alice, "GET", "/api/v1/services/orders-api/versions")).json()) as { items: unknown[] };
    expect(versions.items).toHaveLength(1);
  });

  it("downloads the project as a zip whose openapi.yaml is the contract it published", async () => {
    const response = await call(alice, "POST", "/api/v1/templates/fastapi-service/archive", { team: "alpha", values: orders });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="orders-api.zip"');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toContain("orders-api/app/routes/orders.py");
    const zipped = parse(strFromU8(files["orders-api/openapi.yaml"]!)) as { paths: Record<string, unknown> };
    const published = (await (await call(alice, "GET", "/api/v1/services/orders-api/versions/0.1.0/document")).json()) as { paths: Record<string, unknown> };
    expect(zipped.paths).toEqual(published.paths);
  });

  it("runs the contract steps of the generated CI file: check, then publish of the next version with a new endpoint", async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-ci-steps-"));
    try {
      const zip = await call(alice, "POST", "/api/v1/templates/fastapi-service/archive", { team: "alpha", values: orders });
      for (const [file, bytes] of Object.entries(unzipSync(new Uint8Array(await zip.arrayBuffer())))) {
        mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        writeFileSync(path.join(work, file), bytes);
      }
      const project = path.join(work, "orders-api");
      const bin = path.resolve("bin/wayfinder.mjs");
      const command = async (args: string[], env: Record<string, string> = {}) =>
        run(process.execPath, [bin, ...args], {
          cwd: project,
          env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", WAYFINDER_URL: server.url, ...env },
        }).then(
          ({ stdout }) => ({ code: 0, out: stdout }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
        );
      const added = await command([
        "new",
        "endpoint",
        "--template",
        "fastapi-endpoint",
        "--set",
        "operationId=archiveOrder",
        "--set",
        "path=/orders/{orderId}/archive",
        "openapi.yaml",
      ]);
      expect(added.code, added.out).toBe(0);
      writeFileSync(
        path.join(project, "openapi.yaml"),
        readFileSync(path.join(project, "openapi.yaml"), "utf8").replace("  version: 0.1.0\n", "  version: 0.2.0\n"),
      );

      // The workflow's own commands, as written in it (node wayfinder.mjs → this checkout's command).
      const workflow = parse(readFileSync(path.join(project, ".github/workflows/ci.yml"), "utf8")) as { jobs: { contract: { steps: { run?: string }[] } } };
      const steps = workflow.jobs.contract.steps.map((step) => step.run ?? "").filter((line) => line.startsWith("node wayfinder.mjs "));
      expect(steps.map((line) => line.split(" ")[2])).toEqual(["check", "publish"]);
      const args = (line: string) => line.replace("node wayfinder.mjs ", "").split(" ");

      const checked = await command(args(steps[0]!));
      expect(checked.code, checked.out).toBe(0);
      expect(checked.out).toContain("`endpoint-added`");
      expect(checked.out).toMatch(/0 breaking/);

      const token = (
        (await (await call(admin, "POST", "/api/v1/teams/alpha/tokens", { name: "orders ci", service: "orders-api" })).json()) as { token: string }
      ).token;
      const published = await command(args(steps[1]!), { WAYFINDER_TOKEN: token });
      expect(published.code, published.out).toBe(0);
      expect(published.out).toMatch(/^published: orders-api 0\.2\.0 revision 1 \(6 operations\)/m);
      const document = (await (await call(alice, "GET", "/api/v1/services/orders-api/versions/0.2.0/document")).json()) as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      expect(document.paths["/orders/{orderId}/archive"]!.post!.operationId).toBe("archiveOrder");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("serves `wayfinder new --from-portal` the same project the bundled templates make", async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-from-portal-"));
    try {
      const bin = path.resolve("bin/wayfinder.mjs");
      const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, WAYFINDER_URL: server.url };
      await run(process.execPath, [bin, "new", "service", "--template", "typescript-service", "--from-portal", path.join(work, "remote")], { env });
      await run(process.execPath, [bin, "new", "service", "--template", "typescript-service", path.join(work, "local")], { env });
      const read = (dir: string) =>
        Object.fromEntries(
          (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
            .filter((entry) => entry.isFile())
            .map((entry) => {
              const file = path.join(entry.parentPath, entry.name);
              return [path.relative(dir, file), readFileSync(file, "utf8")];
            }),
        );
      const remote = read(path.join(work, "remote"));
      expect(Object.keys(remote).length).toBeGreaterThan(15);
      expect(remote).toEqual(read(path.join(work, "local")));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
