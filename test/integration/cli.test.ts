import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixturesDir, hasFixtures } from "../support/fixtures";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { startSpecServer, type SpecServer } from "../support/spec-server";
import { runWayfinder } from "../support/run-wayfinder";
import { migratedDataDir } from "../support/test-databases";

/** The real `wayfinder` command's output, stdout then stderr, as a CI log shows it. */
async function wayfinder(args: string[], env: Record<string, string> = {}) {
  const { code, out, err } = await runWayfinder(args, env);
  return { code, out: out + err };
}

const petstore = path.join(fixturesDir, "oai-examples/v2.0/yaml/petstore-separate/spec/swagger.yaml");

describe("the wayfinder command", () => {
  let server: PortalServer;
  let dataDir: string;
  let work: string;
  let spec: SpecServer;
  let session: SessionHeaders;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-cli-", { demo: false });
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-cli-files-"));
    writeFileSync(
      path.join(work, "invalid.yaml"),
      "openapi: 3.0.3\ninfo:\n  version: '1'\npaths:\n  /x:\n    get:\n      responses: { '200': { summary: no description } }\n",
    );
    writeFileSync(
      path.join(work, "small.json"),
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "Small", version: "1.0.0" },
        paths: { "/ping": { get: { responses: { "200": { description: "pong" } } } } },
      }),
    );
    spec = await startSpecServer();
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_ADMINS: "admin@cli.test",
      WAYFINDER_DEMO: "false",
      WAYFINDER_FETCH_ALLOW: `localhost:${new URL(spec.url).port}`,
    });
    session = await signInLocally(server.url, { name: "Admin", email: "admin@cli.test" });
    const post = async (url: string, body: unknown) =>
      (
        await fetch(`${server.url}${url}`, { method: "POST", headers: { ...session, "Content-Type": "application/json" }, body: JSON.stringify(body) })
      ).json() as Promise<{ token: string }>;
    await post("/api/v1/teams", { slug: "cli-team", name: "CLI team" });
    await post("/api/v1/services", { slug: "pets", name: "Pets", primaryOwner: "cli-team" });
    await post("/api/v1/services", { slug: "other", name: "Other", primaryOwner: "cli-team" });
    tokens.pets = (await post("/api/v1/teams/cli-team/tokens", { name: "pets ci", service: "pets" })).token;
    tokens.other = (await post("/api/v1/teams/cli-team/tokens", { name: "other ci", service: "other" })).token;
  }, 180_000);

  afterAll(async () => {
    await spec?.close();
    await server?.stop();
    for (const dir of [dataDir, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const as = (token: string) => ({ WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token });

  it.runIf(hasFixtures)("publishes a multi-file document, then reports a re-publish as unchanged", async () => {
    // Its files reach ../common/Error.yaml: that folder is let in explicitly with --root.
    const first = await wayfinder(["publish", "--service", "pets", "--root", path.dirname(path.dirname(petstore)), petstore], as(tokens.pets!));
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining("published: pets 1.0.0 revision 1 (4 operations)") });
    const again = await wayfinder(["publish", "--service", "pets", "--root", path.dirname(path.dirname(petstore)), petstore], as(tokens.pets!));
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining("unchanged: already stored as pets 1.0.0 revision 1") });
    const versions = (await (await fetch(`${server.url}/api/v1/services/pets/versions`)).json()) as { items: unknown[] };
    expect(versions.items).toHaveLength(1);
  });

  it("reads nothing outside the document's folder (or --root), symbolic links included", async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), "wayfinder-cli-project-"));
    const secret = mkdtempSync(path.join(os.tmpdir(), "wayfinder-cli-secret-"));
    try {
      writeFileSync(path.join(secret, "creds.yaml"), "password: hunter2\n");
      mkdirSync(path.join(project, "api"));
      const climbing = path.join(project, "api", "climb.yaml");
      writeFileSync(
        climbing,
        `openapi: 3.0.3\ninfo: {title: Climb, version: "1"}\npaths: {}\nx-build-info: {$ref: "${path.relative(path.join(project, "api"), path.join(secret, "creds.yaml"))}"}\n`,
      );
      const linked = path.join(project, "api", "linked.yaml");
      symlinkSync(path.join(secret, "creds.yaml"), path.join(project, "api", "creds.yaml"));
      writeFileSync(linked, 'openapi: 3.0.3\ninfo: {title: Linked, version: "1"}\npaths: {}\nx-build-info: {$ref: "creds.yaml"}\n');
      // A folder that is a link: the file in it is outside, though its own name is not a link.
      const throughFolder = path.join(project, "api", "through-folder.yaml");
      symlinkSync(secret, path.join(project, "api", "shared"));
      writeFileSync(throughFolder, 'openapi: 3.0.3\ninfo: {title: Through, version: "1"}\npaths: {}\nx-build-info: {$ref: "shared/creds.yaml"}\n');
      for (const file of [climbing, linked, throughFolder]) {
        const published = await wayfinder(["publish", "--service", "pets", file], as(tokens.pets!));
        expect(published.code, published.out).toBe(1);
        expect(published.out).toMatch(/outside .*--root/);
        expect(published.out).not.toContain("hunter2");
        expect(await wayfinder(["validate", file])).toMatchObject({ code: 1 });
      }
      if (hasFixtures) {
        const refusedByDefault = await wayfinder(["validate", petstore]);
        expect(refusedByDefault).toMatchObject({ code: 1, out: expect.stringContaining('$ref "../common/Error.yaml"') });
      }
      const versions = (await (await fetch(`${server.url}/api/v1/services/pets/versions`)).json()) as { items: { title: string }[] };
      expect(versions.items.map((version) => version.title)).not.toContain("Climb");
      expect(versions.items.map((version) => version.title)).not.toContain("Through");
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(secret, { recursive: true, force: true });
    }
  });

  it("is served by the portal as one file that runs from any folder, as the CI examples use it", async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "wayfinder-ci-job-"));
    try {
      // What examples/ci/*.yml do: download it from the portal, then run it with Node.
      const download = await fetch(`${server.url}/cli/wayfinder.mjs`);
      expect(download.status).toBe(200);
      const cli = path.join(elsewhere, "wayfinder.mjs");
      writeFileSync(cli, Buffer.from(await download.arrayBuffer()));
      writeFileSync(
        path.join(elsewhere, "openapi.yaml"),
        'openapi: 3.1.0\ninfo: {title: From CI, version: "3.0.0"}\npaths:\n  /ci: {get: {responses: {"200": {description: ok}}}}\n',
      );
      // The system's Node when there is one (20 on these machines: the file must run on it), else ours.
      const node = existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath;
      const run = (args: string[], env: Record<string, string> = {}) =>
        new Promise<{ code: number; out: string }>((resolve) => {
          execFile(node, [cli, ...args], { cwd: elsewhere, env: { PATH: "/usr/bin:/bin", NODE_ENV: "production", ...env } }, (error, stdout, stderr) =>
            resolve({ code: (error as { code?: number } | null)?.code ?? 0, out: stdout + stderr }),
          );
        });
      expect(await run(["validate", "openapi.yaml"])).toMatchObject({
        code: 0,
        out: expect.stringContaining("valid: From CI 3.0.0 (openapi-3.1, 1 operations, 1 file)"),
      });
      expect(await run(["publish", "--service", "pets", "openapi.yaml"], as(tokens.pets!))).toMatchObject({
        code: 0,
        out: expect.stringContaining("published: pets 3.0.0 revision 1 (1 operations)"),
      });
      // Its modules are unpacked once into the user's cache, in a folder named for the build…
      const cache = path.join(elsewhere, "cache");
      expect(await run(["validate", "openapi.yaml"], { XDG_CACHE_HOME: cache })).toMatchObject({ code: 0 });
      const unpacked = readdirSync(path.join(cache, "wayfinder"));
      expect(unpacked).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}$/)]);
      expect(readdirSync(path.join(cache, "wayfinder", unpacked[0]!))).toContain("entry.mjs");
      expect(await run(["lint", "openapi.yaml"], { XDG_CACHE_HOME: cache })).toMatchObject({ code: 0, out: expect.stringContaining("house rules") });
      expect(readdirSync(path.join(cache, "wayfinder"))).toEqual(unpacked);
      // A folder missing a module (a cache cleaner, say) is unpacked again rather than failing the command.
      const folder = path.join(cache, "wayfinder", unpacked[0]!);
      const modules = readdirSync(folder);
      rmSync(
        path.join(
          folder,
          modules.find((name) => name.startsWith("chunk-"))!,
        ),
      );
      expect(await run(["lint", "openapi.yaml"], { XDG_CACHE_HOME: cache })).toMatchObject({ code: 0, out: expect.stringContaining("house rules") });
      expect(readdirSync(folder).sort()).toEqual(modules.sort());
      // …and where no cache can be written, into a folder of its own for the run, removed after it.
      const before = readdirSync(os.tmpdir()).filter((name) => name.startsWith("wayfinder-cli-"));
      expect(await run(["validate", "openapi.yaml"], { XDG_CACHE_HOME: path.join(elsewhere, "openapi.yaml") })).toMatchObject({
        code: 0,
        out: expect.stringContaining("valid: From CI 3.0.0"),
      });
      expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith("wayfinder-cli-"))).toEqual(before);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("diffs two documents offline: exit 0 without --fail-on, 1 at or above it, 2 when one cannot be read (or, with --strict, is invalid)", async () => {
    const v1 = path.join(work, "v1.yaml");
    const v2 = path.join(work, "v2.yaml");
    writeFileSync(
      v1,
      'openapi: 3.0.3\ninfo: {title: D, version: "1.0.0"}\npaths:\n  /pets:\n    get:\n      parameters: [{name: limit, in: query, schema: {type: integer}}]\n      responses: {"200": {description: ok}}\n',
    );
    writeFileSync(
      v2,
      'openapi: 3.1.0\ninfo: {title: D, version: "1.1.0"}\npaths:\n  /pets:\n    get:\n      parameters: [{name: limit, in: query, required: true, schema: {type: integer}}]\n      responses: {"200": {description: ok}}\n  /owners:\n    get:\n      responses: {"200": {description: ok}}\n',
    );
    expect(await wayfinder(["diff", v1, v2])).toMatchObject({ code: 0, out: expect.stringContaining("1 breaking, 0 potentially breaking, 1 other change") });
    expect(await wayfinder(["diff", v1, v2, "--fail-on", "breaking"])).toMatchObject({ code: 1 });
    expect(await wayfinder(["diff", v1, v1, "--fail-on", "warning"])).toMatchObject({ code: 0, out: expect.stringContaining("no changes") });
    expect(await wayfinder(["diff", v1, path.join(work, "nowhere.yaml"), "--fail-on", "breaking"])).toMatchObject({ code: 2 });
    // Read leniently: an invalid document is compared, its problems listed once; --strict refuses it.
    const lenient = await wayfinder(["diff", v1, path.join(work, "invalid.yaml")]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/^invalid {2}the revision document is not valid at \/info: .*title/m);
    expect(lenient.out).toContain("endpoint-removed");
    expect(await wayfinder(["diff", v1, path.join(work, "invalid.yaml"), "--strict"])).toMatchObject({ code: 2 });
    expect(await wayfinder(["diff", v1, path.join(work, "invalid.yaml"), "--fail-on", "breaking"])).toMatchObject({ code: 1 });
    writeFileSync(path.join(work, "not-yaml.yaml"), "openapi: [3.0.3\n  info: {");
    expect(await wayfinder(["diff", v1, path.join(work, "not-yaml.yaml")])).toMatchObject({ code: 2 });
    writeFileSync(
      path.join(work, "dangling.yaml"),
      'openapi: 3.0.3\ninfo: {title: D, version: "2"}\npaths:\n  /pets:\n    get:\n      responses: {"200": {$ref: "#/components/responses/Gone"}}\n',
    );
    expect(await wayfinder(["diff", v1, path.join(work, "dangling.yaml")])).toMatchObject({
      code: 2,
      out: expect.stringContaining('"#/components/responses/Gone"'),
    });
    // A URL on either side, with relative $refs on the same origin.
    spec.set("/v2.yaml", { text: readFileSync(v2, "utf8") });
    expect(await wayfinder(["diff", v1, `${spec.url}/v2.yaml`, "--fail-on", "breaking"])).toMatchObject({
      code: 1,
      out: expect.stringContaining("request-parameter-became-required"),
    });
    expect(await wayfinder(["diff", `${spec.url}/v2.yaml`, `${spec.url}/missing.yaml`])).toMatchObject({ code: 2 });
    const json = await wayfinder(["diff", v1, v2, "--format", "json"]);
    const result = JSON.parse(json.out) as { changes: { id: string; level: string; operation: string }[] };
    expect(result.changes.map((change) => [change.id, change.level, change.operation])).toEqual([
      ["request-parameter-became-required", "breaking", "GET /pets"],
      ["endpoint-added", "info", "GET /owners"],
    ]);
    // Over HTTP, for tools: the same answer.
    const response = await fetch(`${server.url}/api/v1/diff`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens.pets!}`, "Content-Type": "application/json" },
      body: JSON.stringify({ base: readFileSync(v1, "utf8"), revision: readFileSync(v2, "utf8") }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as typeof result).changes.map((change) => change.id)).toEqual(["request-parameter-became-required", "endpoint-added"]);
  });

  it("checks a working copy against what the portal serves, as Markdown for a pull request", async () => {
    const working = path.join(work, "pets-next.yaml");
    // What "pets" serves was published above (the split Petstore, then the small CI one); this drops every operation.
    writeFileSync(working, 'openapi: 3.1.0\ninfo: {title: Pets, version: "4.0.0"}\npaths: {}\n');
    const checked = await wayfinder(["check", "--service", "pets", working, "--fail-on", "breaking"], { WAYFINDER_URL: server.url });
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(/^### pets .* → .*pets-next\.yaml: \d+ breaking/m);
    expect(checked.out).toContain("`endpoint-removed`");
  });

  it("exits 2 naming the status when the stored document cannot be read, instead of comparing against the error", async () => {
    // A portal that lists a current version but answers its document with a 500.
    const broken = createServer((request, response) => {
      if (request.url?.startsWith("/api/v1/services/pets/versions/")) {
        response.writeHead(500, { "Content-Type": "application/json" }).end('{"error":{"code":"INTERNAL","message":"boom"}}');
        return;
      }
      response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ slug: "pets", versions: [{ version: "1.0.0", revision: 1, isCurrent: true }] }));
    });
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    try {
      const working = path.join(work, "pets-breaking.yaml");
      writeFileSync(working, 'openapi: 3.1.0\ninfo: {title: Pets, version: "9.0.0"}\npaths: {}\n');
      const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      const checked = await wayfinder(["check", "--service", "pets", working, "--fail-on", "breaking"], { WAYFINDER_URL: url });
      expect(checked.code).toBe(2);
      expect(checked.out).toMatch(/cannot read .*\/document\?revision=1: HTTP 500/);
    } finally {
      broken.close();
    }
  });

  it("runs the shipped CI examples as their platforms run them: a breaking change fails the job, none passes it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-ci-examples-"));
    try {
      const breaking = path.join(dir, "breaking.yaml");
      writeFileSync(breaking, 'openapi: 3.1.0\ninfo: {title: Pets, version: "9.0.0"}\npaths: {}\n');
      // What the portal serves now, unchanged: no breaking change.
      const served = (await (await fetch(`${server.url}/api/v1/services/pets`)).json()) as { versions: { version: string; isCurrent: boolean }[] };
      const current = served.versions.find((version) => version.isCurrent)!;
      const same = path.join(dir, "same.json");
      writeFileSync(same, await (await fetch(`${server.url}/api/v1/services/pets/versions/${current.version}/document`)).text());
      const shell = (command: string, script: string, env: Record<string, string>) =>
        new Promise<number>((resolve) => {
          const file = path.join(dir, `step-${Math.random().toString(36).slice(2)}.sh`);
          writeFileSync(file, script);
          const [program, ...args] = command.split(" ");
          execFile(program!, [...args, file], { cwd: dir, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env } }, (error) =>
            resolve((error as { code?: number } | null)?.code ?? 0),
          );
        });

      // GitHub Actions: each step's `run` in `bash -e {0}`, or `bash --noprofile --norc -eo pipefail {0}` with `shell: bash`.
      const github = parse(readFileSync("examples/ci/github-actions.yml", "utf8")) as {
        jobs: { wayfinder: { steps: { name?: string; run?: string; shell?: string }[] } };
      };
      const steps = github.jobs.wayfinder.steps.filter((step) => step.run);
      const runStep = (name: RegExp, document: string, summary: string) => {
        const step = steps.find((candidate) => name.test(candidate.name ?? ""))!;
        const command = step.shell === "bash" ? "bash --noprofile --norc -eo pipefail" : "bash -e";
        return shell(command, step.run!, {
          WAYFINDER_URL: server.url,
          SERVICE: "pets",
          DOCUMENT: document,
          RUNNER_TEMP: dir,
          GITHUB_STEP_SUMMARY: summary,
        });
      };
      expect(await runStep(/^Get the wayfinder command/, breaking, path.join(dir, "summary.md"))).toBe(0);
      expect(existsSync(path.join(dir, "wayfinder.mjs"))).toBe(true);
      expect(await runStep(/^Compare/, breaking, path.join(dir, "summary.md"))).not.toBe(0);
      expect(readFileSync(path.join(dir, "summary.md"), "utf8")).toContain("`endpoint-removed`");
      expect(await runStep(/^Compare/, same, path.join(dir, "summary-same.md"))).toBe(0);

      // GitLab CI: the job's script lines in one shell script, `sh -e`.
      const gitlab = parse(readFileSync("examples/ci/gitlab-ci.yml", "utf8")) as { wayfinder: { script: string[] } };
      const script = gitlab.wayfinder.script.join("\n");
      const mergeRequest = (document: string) =>
        shell("sh -e", script, {
          WAYFINDER_URL: server.url,
          SERVICE: "pets",
          DOCUMENT: document,
          CI_PIPELINE_SOURCE: "merge_request_event",
          CI_COMMIT_BRANCH: "feature",
          CI_DEFAULT_BRANCH: "main",
        });
      expect(await mergeRequest(breaking)).not.toBe(0);
      expect(await mergeRequest(same)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lints a document with the house rules offline, failing on errors when asked", async () => {
    // small.json has no servers, no operationId and no security (three errors): each named, with where.
    const report = await wayfinder(["lint", path.join(work, "small.json")]);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/house rules: .*small\.json: 3 errors, \d+ warnings/);
    expect(report.out).toMatch(/error operation-operationId {2}GET \/ping {2}Operation object should contain `operationId` field\./);
    expect((await wayfinder(["lint", path.join(work, "small.json"), "--fail-on", "error"])).code).toBe(1);
    const json = await wayfinder(["lint", path.join(work, "small.json"), "--format", "json"]);
    expect(JSON.parse(json.out)).toMatchObject({ errorCount: 3, byRule: { "no-empty-servers": 1, "operation-operationId": 1, "security-defined": 1 } });
    // Another ruleset, from a file: only the rule it enables.
    const ruleset = path.join(work, "only-summaries.yaml");
    writeFileSync(ruleset, "rules:\n  operation-summary: error\n");
    const custom = await wayfinder(["lint", path.join(work, "small.json"), "--ruleset", ruleset, "--format", "json"]);
    expect(JSON.parse(custom.out).byRule).toEqual({ "operation-summary": 1 });
    expect((await wayfinder(["lint", path.join(work, "invalid.yaml")])).code).toBe(2);
    expect((await wayfinder(["lint", path.join(work, "small.json"), "--fail-on", "breaking"])).code).toBe(2);
  });

  it("reports lint and breaking changes together in check, failing on either", async () => {
    const working = path.join(work, "pets-lint.yaml");
    writeFileSync(working, 'openapi: 3.1.0\ninfo: {title: Pets, version: "4.0.0"}\npaths: {}\n');
    const checked = await wayfinder(["check", "--service", "pets", working, "--fail-on-lint", "warn"], { WAYFINDER_URL: server.url });
    expect(checked.out).toMatch(/^### pets .* → .*pets-lint\.yaml: \d+ breaking/m);
    expect(checked.out).toMatch(/^### House rules: .*pets-lint\.yaml/m);
    // No --fail-on: the breaking changes alone would pass; the warnings fail it.
    expect(checked.code).toBe(1);
  });

  it("refuses an invalid document with exit 1 and says where it is wrong", async () => {
    const result = await wayfinder(["publish", "--service", "pets", path.join(work, "invalid.yaml")], as(tokens.pets!));
    expect(result.code).toBe(1);
    expect(result.out).toContain('missing required property "title" at /info');
  });

  it("is refused with exit 2 when its token is for another service", async () => {
    const result = await wayfinder(["publish", "--service", "pets", path.join(work, "small.json")], as(tokens.other!));
    expect(result.code).toBe(2);
    expect(result.out).toContain('You are not allowed to publish API versions of "pets"');
  });

  it("says what is missing with exit 2: arguments, settings, or a reachable portal", async () => {
    expect(await wayfinder(["publish", path.join(work, "small.json")])).toMatchObject({ code: 2, out: expect.stringContaining("Usage:") });
    expect(await wayfinder(["publish", "--service", "pets", path.join(work, "small.json")])).toMatchObject({
      code: 2,
      out: expect.stringContaining("set WAYFINDER_URL"),
    });
    expect(
      await wayfinder(["publish", "--service", "pets", path.join(work, "small.json")], { WAYFINDER_URL: "http://127.0.0.1:9", WAYFINDER_TOKEN: "wf_x" }),
    ).toMatchObject({ code: 2, out: expect.stringContaining("cannot reach") });
  });

  it("validates offline with the server's rules", async () => {
    expect(await wayfinder(["validate", path.join(work, "small.json")])).toMatchObject({
      code: 0,
      out: expect.stringContaining("valid: Small 1.0.0 (openapi-3.1, 1 operations, 1 file)"),
    });
    expect(await wayfinder(["validate", path.join(work, "invalid.yaml")])).toMatchObject({ code: 1 });
    expect(await wayfinder(["validate", path.join(work, "missing.yaml")])).toMatchObject({ code: 1, out: expect.stringContaining("Cannot read") });
  });

  it("registers a service with a document URL and fetches it at once", async () => {
    spec.set("/fetched.json", {
      text: JSON.stringify({
        openapi: "3.1.0",
        info: { title: "Fetched", version: "2.0.0" },
        paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } },
      }),
    });
    const response = await fetch(`${server.url}/api/v1/services`, {
      method: "POST",
      headers: { ...session, "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "fetched", name: "Fetched", primaryOwner: "cli-team", documentUrl: `${spec.url}/fetched.json` }),
    });
    expect(response.status).toBe(201);
    const service = (await response.json()) as { versions: { version: string; origin: string }[] };
    expect(service.versions).toMatchObject([{ version: "2.0.0", origin: "url" }]);
    const source = (await (await fetch(`${server.url}/api/v1/services/fetched/source`, { headers: session })).json()) as {
      source: { url: string; lastError: string | null };
    };
    expect(source.source).toMatchObject({ url: `${spec.url}/fetched.json`, lastError: null });
  });

  it.runIf(hasFixtures)(
    "validates DigitalOcean's 2,900-file specification offline",
    async () => {
      const result = await wayfinder(["validate", path.join(fixturesDir, "digitalocean/specification/DigitalOcean-public.v2.yaml")]);
      expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/valid: DigitalOcean API 2\.0 \(openapi-3\.0, \d+ operations, \d+ files\)/) });
    },
    60_000,
  );
});
