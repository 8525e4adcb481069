/**
 * The corpus test (issue 22): every real API description in the shared fixtures and every demo document
 * goes through what a newcomer does with it, against one production portal over HTTP on a fresh
 * embedded database: validated, published, its service page rendered, its code samples built (curl,
 * JavaScript and Python, method and body checked, the curl one run against the mock in a real shell),
 * the mock called for every operation with the sample's request, diffed against itself, linted. It
 * prints how many documents and operations each step covered, for the closing note.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { snippetz } from "@scalar/snippetz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFiles } from "@/cli/collect-files";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { documentSchemaProblem } from "@/lib/openapi/document-schema-check";
import { deref } from "@/lib/openapi/json-pointer";
import { realisticBodyExamples } from "@/lib/try-it/samples/body-examples";
import { buildSampleRequest, type HarRequest } from "@/lib/try-it/samples/build-sample-request";
import { withBodyExamples } from "@/lib/try-it/samples/with-body-examples";
import { fixturesDir, hasFixtures, multiFileRoots, singleFileFixtures } from "../support/fixtures";
import { startPortal, undeclaredStatuses, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

type Json = Record<string, unknown>;
const run = promisify(execFile);
/** See the last test: what the corpus shows today; a change that raises either is a regression. */
const UNSATISFIABLE_CEILING = 3;
const PRISM_LIMITS_CEILING = 3;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A document as it is sent to the portal: its text, or a multi-file bundle as `wayfinder publish` sends it. */
interface Entry {
  name: string;
  body: string;
  contentType: string;
}

async function corpus(): Promise<Entry[]> {
  const entries: Entry[] = [];
  const demoDir = path.resolve("prisma/seed/specs");
  for (const file of readdirSync(demoDir).sort())
    entries.push({ name: `demo/${file}`, body: readFileSync(path.join(demoDir, file), "utf8"), contentType: "application/yaml" });
  if (!hasFixtures) return entries;
  for (const file of singleFileFixtures())
    entries.push({
      name: file,
      body: readFileSync(path.join(fixturesDir, file), "utf8"),
      contentType: file.endsWith(".json") ? "application/json" : "application/yaml",
    });
  for (const [folder, root] of Object.entries(multiFileRoots)) {
    const bundle = await collectFiles(path.join(fixturesDir, folder, root), defaultIngestLimits, path.join(fixturesDir, folder));
    entries.push({ name: folder, body: JSON.stringify(bundle), contentType: "application/vnd.wayfinder.bundle+json" });
  }
  return entries;
}

/** Every operation of a stored document: path, method and the operation object. */
function operationsOf(document: Json): { path: string; method: string; operation: Json }[] {
  const found: { path: string; method: string; operation: Json }[] = [];
  for (const [route, item] of Object.entries((document.paths as Record<string, Json> | undefined) ?? {}))
    for (const method of METHODS) if (item?.[method] && typeof item[method] === "object") found.push({ path: route, method, operation: item[method] as Json });
  return found;
}

/** The response codes an operation documents, `default` and ranges (`2XX`) included. */
function documents(operation: Json, status: number): boolean {
  const codes = Object.keys((operation.responses as Json | undefined) ?? {});
  return codes.some((code) => code === String(status) || code === "default" || code.toUpperCase() === `${String(status)[0]}XX`);
}

/** The schema of the body an operation takes in this media type (OpenAPI 3, or Swagger 2.0's body parameter). */
function bodySchemaOf(document: Json, operation: Json, mimeType: string | undefined): Json | undefined {
  const resolve = (value: unknown) => deref(document, value) as Json | undefined;
  const content = resolve(operation.requestBody)?.content as Record<string, Json> | undefined;
  if (content) return (mimeType ? content[mimeType] : Object.values(content)[0])?.schema as Json | undefined;
  const body = ((operation.parameters as unknown[] | undefined) ?? []).map(resolve).find((parameter) => parameter?.in === "body");
  return body?.schema as Json | undefined;
}

/** Sends a sample's request as a client would. */
function send(request: HarRequest): Promise<Response> {
  const url = new URL(request.url);
  for (const { name, value } of request.queryString) url.searchParams.append(name, value);
  const headers = new Headers(request.headers.map(({ name, value }): [string, string] => [name, value]));
  let body: BodyInit | undefined = request.postData?.text;
  if (request.postData?.params) {
    const form = new FormData();
    for (const { name, value } of request.postData.params) form.append(name, value);
    body = form;
  }
  return fetch(url, { method: request.method, headers, body, redirect: "manual" });
}

/** Runs tasks with at most `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** What the mock answered to each operation's sample request, counted over the corpus. */
const published_: { name: string; slug: string; version: string }[] = [];
/** Curl samples the mock refused, counted with the mock's answers to the same operations. */
const refusedBodies = new Set<string>();
const totals = {
  documents: 0,
  operations: 0,
  pages: 0,
  sampled: 0,
  curlRuns: 0,
  documented: 0,
  unsatisfiable: [] as string[],
  prismLimits: [] as string[],
  undocumented: [] as string[],
  noResponse: 0,
  selfDiffs: 0,
  linted: 0,
  lintFailed: [] as string[],
  prefilled: 0,
};

describe("the corpus: every real and demo document, as a newcomer uses it", async () => {
  const entries = await corpus();
  let server: PortalServer;
  let dataDir: string;
  let admin: SessionHeaders;
  const api = (url: string, init: RequestInit = {}) =>
    fetch(`${server.url}${url}`, { ...init, headers: { ...admin, ...(init.headers as Record<string, string> | undefined) } });

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-corpus-", { demo: false });
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@corpus.test", WAYFINDER_DEMO: "false" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@corpus.test" });
    const team = await api("/api/v1/teams", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "corpus", name: "Corpus" }),
    });
    expect(team.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(entries.map((entry, index) => [entry.name, entry, index] as const))(
    "%s",
    async (name, entry, index) => {
      const slug = `c${index}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 60).replace(/-+$/, "");

      const created = await api("/api/v1/services", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ slug, name: name.slice(0, 80), primaryOwner: "corpus" }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      // Validated: the pipeline runs, nothing is stored.
      const valid = await api(`/api/v1/services/${slug}/versions?dryRun=true`, {
        method: "POST",
        headers: { "Content-Type": entry.contentType },
        body: entry.body,
      });
      expect(valid.status, (await valid.clone().text()).slice(0, 500)).toBe(200);
      expect(((await valid.json()) as { outcome: string }).outcome).toBe("valid");

      // Published.
      const published = await api(`/api/v1/services/${slug}/versions`, { method: "POST", headers: { "Content-Type": entry.contentType }, body: entry.body });
      const publishedBody = (await published.json()) as { version: string };
      expect(published.status, JSON.stringify(publishedBody).slice(0, 500)).toBe(201);
      const version = publishedBody.version;
      totals.documents += 1;

      // Its service page renders, naming the service.
      const page = await fetch(`${server.url}/services/${slug}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(slug);
      totals.pages += 1;

      const stored = await api(`/api/v1/services/${slug}/versions/${encodeURIComponent(version)}/document`);
      expect(stored.status).toBe(200);
      const document = (await stored.json()) as Json;
      const operations = operationsOf(document);
      totals.operations += operations.length;

      // Try it out's pre-filled bodies (the page computes them on the server for a small document, in the
      // browser per operation for a large one): each lands on a JSON body with no example of its own, as
      // that body's example, and is the body the code sample sends.
      const examples = realisticBodyExamples(document);
      const prefilled = withBodyExamples(document, examples) as { paths: Record<string, Json> };
      for (const [route, byMethod] of Object.entries(examples))
        for (const [method, byMediaType] of Object.entries(byMethod)) {
          const before = deref(document, (deref(document, (document.paths as Json)[route]) as Json)[method] as Json) as Json;
          const after = deref(prefilled, prefilled.paths[route]![method]) as Json;
          for (const [mediaType, example] of Object.entries(byMediaType!)) {
            const media = ((deref(document, before.requestBody) as Json).content as Record<string, Json>)[mediaType]!;
            expect(media.example ?? media.examples, `${route} ${method} ${mediaType} had an example`).toBeUndefined();
            expect(((after.requestBody as Json).content as Record<string, Json>)[mediaType]!.example).toEqual(example);
            const request = buildSampleRequest({ document, operation: before, path: route, method, server: "http://x" });
            if (request.postData?.mimeType === mediaType && request.postData.text) expect(JSON.parse(request.postData.text)).toEqual(example);
            totals.prefilled += 1;
          }
        }
      const mock = `${server.url}/mock/${slug}/${encodeURIComponent(version)}`;
      const sample = (operation: (typeof operations)[number]) =>
        buildSampleRequest({ document, operation: operation.operation, path: operation.path, method: operation.method, server: mock });

      // Samples: one GET and one operation with a body, in curl, JavaScript and Python; the curl one runs.
      // A GET with a success to give, where there is one (Twilio's OAuth API has only a 302 GET).
      const succeeds = (operation: (typeof operations)[number]) =>
        Object.keys((operation.operation.responses as Json | undefined) ?? {}).some((code) => /^2/.test(code));
      const gets = operations.filter((operation) => operation.method === "get");
      const get = gets.find(succeeds) ?? gets[0];
      const withBody = operations.map((operation) => ({ operation, request: sample(operation) })).find(({ request }) => request.postData);
      for (const chosen of [get && { operation: get, request: sample(get) }, withBody].filter((item) => item !== undefined)) {
        const { operation, request } = chosen;
        const label = `${operation.method.toUpperCase()} ${operation.path}`;
        const curl = snippetz().print("shell", "curl", request as never) ?? "";
        const javascript = snippetz().print("js", "fetch", request as never) ?? "";
        const python = snippetz().print("python", "requests", request as never) ?? "";
        if (operation.method === "get") {
          expect(curl, label).not.toMatch(/--data|--form|--request (?!GET)/);
          expect(javascript, label).not.toMatch(/body:|method: '(?!GET)/);
          expect(python, label).toMatch(/requests\.get\(/);
          expect(python, label).not.toMatch(/data=|json=|files=/);
        } else {
          expect(curl, label).toMatch(new RegExp(`--request ${request.method}`));
          expect(curl, label).toMatch(/--data|--form|--json/);
          expect(javascript, label).toMatch(new RegExp(`method: '${request.method}'`));
          expect(javascript, label).toMatch(/body:/);
          expect(python, label).toMatch(new RegExp(`requests\\.${request.method.toLowerCase()}\\(`));
          expect(python, label).toMatch(/data=|json=|files=/);
        }
        totals.sampled += 1;
        // The curl sample as shown, run in a shell against the mock: a first call that succeeds.
        const { stdout } = await run("bash", ["-c", `${curl} --silent --output /dev/null --write-out '%{http_code}'`], { timeout: 60_000 });
        const status = Number(stdout);
        if (!Object.keys((operation.operation.responses as Json | undefined) ?? {}).length) expect(status, `${label}: documents no response`).toBe(501);
        else if (status === 422 && !documents(operation.operation, 422)) refusedBodies.add(`${name}: ${label}`);
        else if (succeeds(operation)) expect(status, `${label}: ${curl}`).toSatisfy((code: number) => code >= 200 && code < 300);
        else expect(documents(operation.operation, status), `${label}: ${status} is not documented`).toBe(true);
        totals.curlRuns += 1;
      }

      // The mock, for every operation, with that operation's sample request: a status the document documents.
      await inBatches(operations, 6, async (operation) => {
        const label = `${name}: ${operation.method.toUpperCase()} ${operation.path}`;
        const response = await send(sample(operation));
        const source = response.headers.get("x-wayfinder-mock");
        const text = await response.text();
        expect(response.status, `${label} ${text.slice(0, 300)}`).not.toBe(401);
        if (!Object.keys((operation.operation.responses as Json | undefined) ?? {}).length) {
          // The document declares no response at all (the OpenAPI Initiative's non-oauth-scopes example): said so.
          expect(response.status, label).toBe(501);
          totals.noResponse += 1;
          return;
        }
        expect(response.status, `${label} ${text.slice(0, 300)}`).toBeLessThan(500);
        if (documents(operation.operation, response.status) && source !== "problem") totals.documented += 1;
        // The mock's own 422 lists what it refused in the sample: either the document's schema accepts no
        // body the sampler can make (our validator agrees), or Prism cannot read a valid one back (counted apart).
        else if (response.status === 422 && source === "problem") {
          const request = sample(operation);
          const media = bodySchemaOf(document, operation.operation, request.postData?.mimeType);
          const body = request.postData?.text && /json/.test(request.postData.mimeType) ? (JSON.parse(request.postData.text) as unknown) : undefined;
          const why = `${label}: ${text.slice(0, 160)}`;
          if (media && body !== undefined && documentSchemaProblem(document, media, body) !== null) totals.unsatisfiable.push(why);
          else totals.prismLimits.push(why);
        } else totals.undocumented.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
      });

      // Diffed against itself: nothing changed.
      const diff = await api("/api/v1/diff", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ base: document, revision: document }),
      });
      const diffBody = (await diff.json()) as { changes: unknown[] };
      expect(diff.status, JSON.stringify(diffBody).slice(0, 300)).toBe(200);
      expect(diffBody.changes).toEqual([]);
      totals.selfDiffs += 1;

      published_.push({ name, slug, version });
    },
    600_000,
  );

  it("lints every published document in the background: a report comes for each, done or failed with its reason", async () => {
    for (const { name, slug, version } of published_) {
      let report: { status: string; error: string | null } = { status: "pending", error: null };
      for (let attempt = 0; attempt < 600 && report.status === "pending"; attempt += 1) {
        if (attempt) await new Promise((resolve) => setTimeout(resolve, 500));
        report = (await (await api(`/api/v1/services/${slug}/versions/${encodeURIComponent(version)}/lint`)).json()) as typeof report;
      }
      expect(report.status, name).not.toBe("pending");
      if (report.status === "failed") totals.lintFailed.push(`${name}: ${report.error}`);
      else totals.linted += 1;
    }
  }, 600_000);

  it("covers every document and operation (the figures are printed for the closing note)", () => {
    console.log(
      [
        `corpus: ${totals.documents}/${entries.length} documents validated and published, ${totals.pages} service pages rendered, ${totals.operations} operations`,
        `samples: ${totals.sampled} built in curl, JavaScript and Python with their method and body checked; ${totals.curlRuns} curl samples run against the mock`,
        `mock: ${totals.documented}/${totals.operations} operations answered with a documented status from the sample request; ${totals.noResponse} declare no response (501);`,
        `      refused with 422: ${totals.unsatisfiable.length} whose document's schema accepts no generated body (our validator agrees): ${totals.unsatisfiable.join(" | ")}`,
        `      and ${totals.prismLimits.length} valid ones the mock (Prism) cannot read back: ${totals.prismLimits.join(" | ")}`,
        `      (of the curl samples, ${refusedBodies.size} are among these)`,
        `Try it out: ${totals.prefilled} request bodies pre-filled with the code samples' body`,
        `diff: ${totals.selfDiffs} self-diffs, all empty; lint: ${totals.linted} reports done, ${totals.lintFailed.length} failed with a reason ${totals.lintFailed.join(" | ")}`,
      ].join("\n"),
    );
    expect(totals.documents).toBe(entries.length);
    expect(totals.undocumented).toEqual([]);
    // Ceilings that can only fall. The documents' own defects: DigitalOcean's droplet actions (a oneOf whose
    // second branch extends the first, so every body matches both), its uptime check (requires `method`,
    // which it never defines), … Prism's: a list of objects in a form (Stripe's `line_items[0][price]`),
    // a field under an `anyOf` in a deepObject, a JSON-in-form body.
    expect(totals.unsatisfiable.length).toBeLessThanOrEqual(UNSATISFIABLE_CEILING);
    expect(totals.prismLimits.length).toBeLessThanOrEqual(PRISM_LIMITS_CEILING);
    expect([...refusedBodies].every((entry) => [...totals.unsatisfiable, ...totals.prismLimits].some((why) => why.startsWith(entry)))).toBe(true);
    expect(totals.documented + totals.noResponse + totals.unsatisfiable.length + totals.prismLimits.length).toBe(totals.operations);
  });

  it("answers no status that its operation does not declare", () => {
    expect(undeclaredStatuses(server.output())).toEqual([]);
  });
});
