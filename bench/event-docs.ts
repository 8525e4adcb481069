/**
 * Event APIs in the portal (issue 28): the largest AsyncAPI example of the shared fixtures (the
 * Initiative's Slack RTM, 3.0: 48 messages), and a generated one of 300 channels, each published
 * through the production build on a fresh embedded database; then the time to publish it and the
 * service page's server time and size with its Event API section, median of BENCH_EVENT_RUNS (9)
 * fetches, beside the same page of a service without an event API; then, in Chromium, the AsyncAPI
 * view (the Initiative's React component) from the click that opens it to the document shown.
 * Prints; asserts nothing.
 */
import { chromium } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { startPortal } from "../test/support/portal-server";
import { signInLocally } from "../test/support/sign-in";

const asyncDir = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi", "../asyncapi");
const runs = Number(process.env.BENCH_EVENT_RUNS ?? 9);
if (!existsSync(".next/BUILD_ID") || !existsSync(asyncDir)) {
  console.log("\nEvent API pages: skipped (needs `npm run build` and the AsyncAPI fixtures).");
  process.exit(0);
}

/** 300 channels, each sent on with its own message of 10 properties: a large event API, made here. */
function generated(): string {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (let i = 0; i < 300; i += 1) {
    const properties = Object.fromEntries(Array.from({ length: 10 }, (_, p) => [`field${p}`, { type: p % 2 ? "integer" : "string" }]));
    channels[`c${i}`] = {
      address: `domain.entity${i}.changed`,
      messages: { [`m${i}`]: { name: `entity${i}Changed`, payload: { type: "object", properties } } },
    };
    operations[`send${i}`] = { action: "send", channel: { $ref: `#/channels/c${i}` }, messages: [{ $ref: `#/channels/c${i}/messages/m${i}` }] };
  }
  return stringify({ asyncapi: "3.0.0", info: { title: "Generated", version: "1.0.0" }, channels, operations });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dataDir = path.join(".data", `bench-events-${process.pid}`);
const portal = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "bench@events.test", LOG_LEVEL: "warn" });
try {
  const admin = await signInLocally(portal.url, { name: "Bench", email: "bench@events.test" });
  const send = (url: string, body: string, type: string) => fetch(`${portal.url}${url}`, { method: "POST", headers: { ...admin, "Content-Type": type }, body });
  const subjects: [string, string][] = [
    ["Slack RTM (AsyncAPI 3.0, 25 KB, 48 messages)", readFileSync(path.join(asyncDir, "3.0/slack-rtm-asyncapi.yml"), "utf8")],
    ["Generated (300 channels and messages)", generated()],
  ];
  console.log(`\nEvent API pages: publish once; the service page's server time and size, median of ${runs} fetches.\n`);
  console.log(["document", "publish ms", "page ms", "page KB", "page without event API ms"].join("\t"));
  const rendered: [string, string][] = [];
  for (const [index, [name, text]] of subjects.entries()) {
    const slug = `events-${index}`;
    await send("/api/v1/services", JSON.stringify({ slug, name, primaryOwner: "platform" }), "application/json");
    await send("/api/v1/services", JSON.stringify({ slug: `${slug}-plain`, name: `${name} (none)`, primaryOwner: "platform" }), "application/json");
    const started = performance.now();
    const published = await send(`/api/v1/services/${slug}/event-versions`, text, "application/yaml");
    const publishMs = performance.now() - started;
    if (published.status !== 201) throw new Error(`${name}: ${published.status} ${await published.text()}`);
    const page = async (service: string) => {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i += 1) {
        const start = performance.now();
        const body = await (await fetch(`${portal.url}/services/${service}`)).text();
        times.push(performance.now() - start);
        size = body.length;
      }
      return { ms: median(times), kb: size / 1024 };
    };
    const withEvents = await page(slug);
    const without = await page(`${slug}-plain`);
    console.log([name, publishMs.toFixed(0), withEvents.ms.toFixed(0), withEvents.kb.toFixed(0), without.ms.toFixed(0)].join("\t"));
    rendered.push([name, slug]);
  }
  await measureComponent(portal.url, rendered);
} finally {
  await portal.stop();
}

/**
 * The AsyncAPI view in Chromium: from the click that opens it to the Initiative's component showing
 * the document (its first operation's channel), code and parsed document fetched then; median of 3
 * fresh pages, with the bytes the browser received for it.
 */
async function measureComponent(baseUrl: string, subjects: [string, string][]) {
  const chromiumPath = process.env.WAYFINDER_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) return console.log("\nThe AsyncAPI view: skipped (no Chromium).");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  console.log("\nThe AsyncAPI view (the Initiative's React component) in Chromium: click to rendered, median of 3.\n");
  console.log(["document", "render ms", "fetched KB (script, styles, parsed document)"].join("\t"));
  try {
    for (const [name, slug] of subjects) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 3; i += 1) {
        const page = await browser.newPage();
        await page.goto(`${baseUrl}/services/${slug}`);
        await page.waitForLoadState("networkidle");
        let received = 0;
        page.on(
          "response",
          (response) =>
            void response.body().then(
              (body) => (received += body.length),
              () => undefined,
            ),
        );
        const start = performance.now();
        await page.getByText("The AsyncAPI view (the Initiative's React component)").click();
        await page.locator("[data-testid=asyncapi-view] .aui-root h2, [data-testid=asyncapi-view] .aui-root h3").first().waitFor({ timeout: 120_000 });
        times.push(performance.now() - start);
        await page.waitForLoadState("networkidle");
        bytes = received;
        await page.close();
      }
      console.log([name, median(times).toFixed(0), (bytes / 1024).toFixed(0)].join("\t"));
    }
  } finally {
    await browser.close();
  }
}
