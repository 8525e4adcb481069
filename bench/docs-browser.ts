/**
 * The API reference in a real browser (headless Chromium, the production build, embedded database):
 * for the demo's Payments API, Slack, Twilio's api_v2010, DigitalOcean and Stripe, the time from
 * navigation until the first operation is listed and until the viewer is ready (Swagger UI started),
 * the time from clicking one operation (once ready; the click event's own time) until its parameters
 * and responses are rendered (each time read in the animation frame that first has them), and the
 * page's JavaScript heap after a garbage collection,
 * side by side with plain swagger-ui 5.35 (the bundle swagger-ui-react ships) given the whole document.
 * Wayfinder twice: as a reader not signed in is answered (from the render kept for every such reader),
 * and rendered for the reader, as one with a session is.
 * Median of BENCH_BROWSER_RUNS (3) fresh pages, the viewers taking turns, each page in a browser of
 * its own; an expansion still unfinished after
 * BENCH_EXPAND_TIMEOUT_MS (30,000) is printed as "> timeout". Asserts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { collectFiles } from "@/cli/collect-files";
import { swaggerDeepLink } from "@/lib/search-index/swagger-deep-link";
import { isLargeDocument } from "@/lib/versions/operation-index";
import { startPortal } from "../test/support/portal-server";
import { settled } from "./measure-process";
import { signInLocally } from "../test/support/sign-in";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const runs = Number(process.env.BENCH_BROWSER_RUNS ?? 3);
const expandTimeout = Number(process.env.BENCH_EXPAND_TIMEOUT_MS ?? 30_000);
const chromiumPath = process.env.WAYFINDER_CHROMIUM ?? "/usr/bin/chromium";

if (!existsSync(".next/BUILD_ID") || !existsSync(fixtures) || !existsSync(chromiumPath)) {
  console.log("\nAPI reference in the browser: skipped (needs `npm run build`, the fixtures and Chromium).");
  process.exit(0);
}

interface Subject {
  slug: string;
  name: string;
  /** A file, or a folder's root file published as a bundle. */
  file?: string;
  bundleRoot?: string;
  /** The operation expanded. */
  method: string;
  path: string;
}

const allSubjects: Subject[] = [
  { slug: "payments-api", name: "Demo: Payments API", method: "post", path: "/payments" },
  { slug: "wayfinder", name: "Wayfinder's own API (3.1)", method: "get", path: "/services" },
  { slug: "slack", name: "Slack", file: "slack/slack_web_openapi_v2.json", method: "post", path: "/chat.postMessage" },
  { slug: "twilio", name: "Twilio api_v2010", file: "twilio/twilio_api_v2010.yaml", method: "post", path: "/2010-04-01/Accounts/{AccountSid}/Messages.json" },
  { slug: "digitalocean", name: "DigitalOcean", bundleRoot: "digitalocean/specification/DigitalOcean-public.v2.yaml", method: "post", path: "/v2/droplets" },
  { slug: "stripe", name: "Stripe", file: "stripe/spec3.2022-03-25.json", method: "get", path: "/v1/customers/{customer}" },
];
// BENCH_DOCS=payments-api,wayfinder measures only those (the small documents, say).
const only = process.env.BENCH_DOCS?.split(",").map((slug) => slug.trim());
const subjects = only ? allSubjects.filter((subject) => only.includes(subject.slug)) : allSubjects;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> =>
  Promise.race([promise, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);

const dataDir = path.join(".data", `bench-docs-${process.pid}`);
const portal = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "bench@docs.test", LOG_LEVEL: "warn" });
const documents = new Map<string, string>();
const plain = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://x");
  const send = (type: string, body: string | Buffer) => {
    response.setHeader("Content-Type", `${type}; charset=utf-8`);
    response.end(body);
  };
  if (url.pathname === "/swagger-ui-bundle.js") return send("text/javascript", readFileSync("node_modules/swagger-ui-react/swagger-ui-bundle.js"));
  if (url.pathname === "/swagger-ui.css") return send("text/css", readFileSync("node_modules/swagger-ui-react/swagger-ui.css"));
  if (url.pathname.startsWith("/doc/")) return send("application/json", documents.get(url.pathname.slice(5)) ?? "{}");
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/swagger-ui.css"></head><body><div id="ui"></div><script src="/swagger-ui-bundle.js"></script>` +
      `<script>SwaggerUIBundle({ url: "/doc/${url.searchParams.get("doc")}", dom_id: "#ui", deepLinking: true, docExpansion: "list", defaultModelsExpandDepth: 0 })</script></body></html>`,
  );
});
await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;

const launchOptions = {
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
try {
  const admin = await signInLocally(portal.url, { name: "Bench", email: "bench@docs.test" });
  const post = (url: string, body: string, type = "application/json") =>
    fetch(`${portal.url}${url}`, { method: "POST", headers: { ...admin, "Content-Type": type }, body });
  for (const subject of subjects) {
    if (subject.file || subject.bundleRoot) {
      await post("/api/v1/services", JSON.stringify({ slug: subject.slug, name: subject.name, primaryOwner: "platform" }));
      const published = subject.file
        ? await post(
            `/api/v1/services/${subject.slug}/versions`,
            readFileSync(path.join(fixtures, subject.file), "utf8"),
            subject.file.endsWith(".json") ? "application/json" : "application/yaml",
          )
        : await post(
            `/api/v1/services/${subject.slug}/versions`,
            JSON.stringify(await collectFiles(path.join(fixtures, subject.bundleRoot!), undefined, path.join(fixtures, "digitalocean"))),
            "application/vnd.wayfinder.bundle+json",
          );
      if (published.status !== 201) throw new Error(`publishing ${subject.slug}: ${published.status} ${await published.text()}`);
    }
    const service = (await (await fetch(`${portal.url}/api/v1/services/${subject.slug}`)).json()) as { versions: { version: string; isCurrent: boolean }[] };
    const version = service.versions.find((entry) => entry.isCurrent)!.version;
    documents.set(subject.slug, await (await fetch(`${portal.url}/api/v1/services/${subject.slug}/versions/${encodeURIComponent(version)}/document`)).text());
  }

  // Publishing set off linting and indexing in the background; measured once the server is idle.
  console.error(`… the server settled ${(await settled(portal)).toFixed(0)} s after publishing`);

  /**
   * When `selector` is first in the page (ms from navigation), read in the animation frame that draws
   * it: a read after the wait (a second round trip) also counted whatever task the page ran next.
   */
  const drawnAt = (page: Page, selector: string, timeout: number) =>
    page
      .waitForFunction((wanted) => (document.querySelector(wanted) ? performance.now() : 0), selector, { polling: "raf", timeout })
      .then((handle) => handle.jsonValue());

  /** One fresh page: navigate, wait for the first operation, click `subject`'s, wait for it to render. */
  async function measure(page: Page, url: string, firstSelector: string, subject: Subject, large: boolean) {
    const document = JSON.parse(documents.get(subject.slug)!) as { paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>> };
    const operation = document.paths[subject.path]![subject.method]!;
    const link = swaggerDeepLink({ method: subject.method, path: subject.path, operationId: operation.operationId ?? null, tags: operation.tags ?? [] });
    const [, tag, id] = link.split("/").map(decodeURIComponent);
    const block = `[id="operations-${tag!.replace(/\s/g, "_")}-${id}"]`;
    const answer = await page.goto(url, { waitUntil: "commit" });
    // Whether the server answered the page from a kept render (scripts/page-cache.mjs) or rendered it.
    const kept = answer?.headers()["x-wayfinder-page-cache"] === "hit";
    const first = await drawnAt(page, firstSelector, 60_000);
    // Click once the viewer is ready, as a reader would: plain swagger-ui is when it lists operations;
    // Wayfinder's list is in the HTML before Swagger UI has started (for a large document, with the
    // document's overview; for a small one, Swagger UI's own list of operations replaces it).
    const readySelector = large ? "[data-testid=api-reference] .info" : ".opblock";
    const ready = readySelector === firstSelector ? first : await drawnAt(page, readySelector, 60_000);
    // When the page next runs a task of ours once Swagger UI is drawn: the work it does right after
    // (resolving an OpenAPI 3.1 document's security schemes, say) holds a click until then.
    const interactive = await page.evaluate(() => new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0)));
    if (!large) {
      // Swagger UI lists 150 operations or more virtually (only those near the screen are in the
      // page), and its deep-link actions do not scroll that list: scroll to the operation as a
      // reader would, then click it (the scrolling is not timed).
      for (let step = 0; step < 400 && !(await page.locator(block).count()); step++) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(30);
      }
      await page.locator(block).scrollIntoViewIfNeeded();
    }
    // Timed from the click itself (the event's time stamp), not from before Playwright's own checks of the target.
    await page.evaluate(() =>
      addEventListener("click", (event) => ((window as unknown as { clickedAt: number }).clickedAt = event.timeStamp), { capture: true, once: true }),
    );
    // A page frozen by the click (plain swagger-ui on Stripe) fails it after the timeout: not done.
    const clicked = await page.click(large ? `a[href="${link}"]` : `${block} .opblock-summary-control`, { timeout: expandTimeout }).then(
      () => true,
      () => false,
    );
    const expanded = !clicked ? "timeout" : await withTimeout(drawnAt(page, `${block} .responses-wrapper .response`, expandTimeout + 1000), expandTimeout);
    const expandMs = expanded === "timeout" ? null : expanded - (await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt));
    let heapMb: number | null = null;
    if (expandMs !== null) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      heapMb = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1_048_576;
    }
    return { first, ready, interactive, expandMs, heapMb, kept };
  }

  const rows: string[][] = [];
  for (const subject of subjects) {
    const service = (await (await fetch(`${portal.url}/api/v1/services/${subject.slug}`)).json()) as {
      versions: { sizeBytes: number; operationCount: number; isCurrent: boolean }[];
    };
    const current = service.versions.find((entry) => entry.isCurrent)!;
    const large = isLargeDocument(current);
    // A reader not signed in is answered from the render kept for every such reader (the bench asks for
    // the page just before, as an earlier reader would have); one with a session gets a render of their
    // own (a cookie other than the CSRF one is enough for the server to render it for them).
    const sides = ["Wayfinder", "Wayfinder, rendered for the reader", "plain swagger-ui"] as const;
    type Result = { first: number; ready: number; interactive: number; expandMs: number | null; heapMb: number | null; kept: boolean };
    const bySide = new Map<(typeof sides)[number], Result[]>(sides.map((side) => [side, []]));
    // The viewers take turns, page by page, so a machine that slows down or speeds up during the
    // runs weighs on both alike.
    for (let run = 0; run < runs; run++) {
      for (const side of sides) {
        const results = bySide.get(side)!;
        if (results.some((result) => result.expandMs === null)) continue; // one timeout is enough to know
        // Each page in a browser of its own, closed after it: a page swagger-ui froze (Stripe) would
        // otherwise keep a core busy through the other viewer's next turn.
        const own = await chromium.launch(launchOptions);
        try {
          const context = await own.newContext();
          const page = await context.newPage();
          const url = `${portal.url}/services/${subject.slug}`;
          if (side === "Wayfinder") await (await fetch(url)).arrayBuffer();
          if (side === "Wayfinder, rendered for the reader") await context.addCookies([{ name: "wayfinder-bench-reader", value: "1", url: portal.url }]);
          results.push(
            side === "plain swagger-ui"
              ? await measure(page, `${plainUrl}/?doc=${subject.slug}`, ".opblock", subject, false)
              : await measure(page, url, "nav[aria-label=Operations] a", subject, large),
          );
        } finally {
          await withTimeout(own.close(), 10_000);
        }
      }
    }
    for (const side of sides) {
      const results = bySide.get(side)!;
      const expands = results.map((result) => result.expandMs);
      const heaps = results.map((result) => result.heapMb).filter((value): value is number => value !== null);
      rows.push([
        subject.name,
        `${(current.sizeBytes / 1_048_576).toFixed(2)} MB / ${current.operationCount}`,
        side === "plain swagger-ui" ? side : `${side}${large ? " (one operation at a time)" : " (whole document)"}`,
        median(results.map((result) => result.first)).toFixed(0),
        median(results.map((result) => result.ready)).toFixed(0),
        median(results.map((result) => result.interactive)).toFixed(0),
        expands.includes(null) ? `> ${expandTimeout}` : median(expands as number[]).toFixed(0),
        heaps.length ? median(heaps).toFixed(0) : "n/a",
        side === "plain swagger-ui" ? "" : `${results.filter((result) => result.kept).length} of ${results.length}`,
      ]);
      console.error(`… ${rows.at(-1)!.join(" | ")}`);
    }
  }
  console.log(
    `\nAPI reference in Chromium: median of ${runs} fresh pages (ms from navigation to the frame that draws it; interactive: the page's next task after that;` +
      ` expand: the click to the frame that draws its parameters and responses; heap after GC, MB;` +
      ` how many of Wayfinder's pages the server answered from a kept render).`,
  );
  console.log(
    ["document", "size / operations", "viewer", "first operation listed", "viewer ready", "interactive", "expand one", "heap", "pages from a kept render"].join(
      "\t",
    ),
  );
  for (const row of rows) console.log(row.join("\t"));
} finally {
  plain.close();
  await portal.stop();
}
