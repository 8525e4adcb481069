// Pages that are the same for every reader not signed in (the catalogue's list, a service's page),
// rendered once per address and per state of what they show, then answered from memory. The app says
// which pages those are and what their state is now (`app().state`, registered by instrumentation.ts;
// lib/pages/shared-page-state.ts): one cheap query per request, so a change shows at the next request,
// on every instance. Each answer gets its own CSP nonce (the kept render's is
// replaced wherever it appears), request id and, for a reader who has none, CSRF cookie: what
// proxy.ts gives every page. An answer Next.js did not render is counted by the app (`app().answered`),
// as Next.js's own request spans count the rest. Plain JavaScript: scripts/serve.mjs loads it before Next.js.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { request as httpRequest } from "node:http";
import { nonceTemplate } from "./nonce-template.mjs";
import { acceptedEncodings } from "./static-assets.mjs";

/** What may differ between the kept render and each answer, or is the connection's own. */
const PER_ANSWER = new Set(["set-cookie", "x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
/** The cookie proxy.ts sets for a reader without one; any other cookie (a session) means the page is the reader's own. */
const CSRF_COOKIE = JSON.parse(readFileSync(new URL("../lib/platform/security/csrf-names.json", import.meta.url), "utf8")).cookie;
const NONCE = /'nonce-([A-Za-z0-9+/]+={0,2})'/;
/** The same rule as lib/platform/http/request-id.ts: a sane id a load balancer sent is echoed. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The names of the cookies a Cookie header sends. */
const cookieNames = (header = "") =>
  header
    .split(";")
    .map((pair) => pair.split("=")[0].trim())
    .filter(Boolean);

/**
 * Whether the answer may be a shared one: a plain GET of a page, by a reader not signed in (no cookie but
 * the CSRF one, no Authorization), not one of the App Router's own requests (RSC payloads, prefetches,
 * server actions), which Next.js answers differently on the same address.
 */
function shareable(request) {
  if (request.method !== "GET") return false;
  const headers = request.headers;
  if (headers.authorization) return false;
  if (cookieNames(headers.cookie).some((name) => name !== CSRF_COOKIE)) return false;
  return !Object.keys(headers).some((name) => name === "rsc" || name.startsWith("next-"));
}

/**
 * @param {{
 *   port: number,
 *   host: string,
 *   maxEntries?: number,
 *   maxBytes?: number,
 *   app?: () => {
 *     state: (url: URL) => Promise<{ route: string, state: string } | null>,
 *     answered: (route: string, status: number, seconds: number) => void,
 *   } | undefined,
 * }} options
 *   `app` finds what the app registered: a page's route and state now (null for a page that is not
 *   shared), and where to count an answer Next.js did not render.
 */
export function sharedPageCache({ port, host, maxEntries = 200, maxBytes = 32 * 1024 * 1024, app }) {
  // Marks the server's own request for a render, which must reach Next.js: unguessable, per process.
  const renderSecret = randomBytes(24).toString("base64url");
  const RENDER_HEADER = "x-wayfinder-page-render";
  /** @type {Map<string, { state: string, status: number, headers: [string, string][], page: ReturnType<typeof nonceTemplate>, nonce: string, csrf: string | null, shared: boolean }>} newest use last */
  const entries = new Map();
  /** @type {Map<string, Promise<unknown>>} renders under way, so readers arriving together wait for one */
  const rendering = new Map();
  const stats = { hits: 0, renders: 0, passed: 0 };
  let bytes = 0;

  const keep = (key, entry) => {
    const old = entries.get(key);
    if (old) bytes -= old.page.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.page.bytes;
    while (entries.size > maxEntries || bytes > maxBytes) {
      const [oldest, value] = entries.entries().next().value;
      entries.delete(oldest);
      bytes -= value.page.bytes;
    }
  };

  /** Asks the server for the page as a reader with no cookie would, without compression, and reads it whole. */
  const render = (request) =>
    new Promise((resolve, reject) => {
      // Only what the kept render is keyed on: nothing else of the first reader's (their browser, say, which
      // Next.js reads to tell a crawler) may shape the page the next readers get.
      const forwarded = Object.fromEntries(
        ["host", "x-forwarded-host", "x-forwarded-proto"].filter((name) => request.headers[name] !== undefined).map((name) => [name, request.headers[name]]),
      );
      const inner = httpRequest(
        {
          host: host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host,
          port,
          path: request.url,
          headers: { ...forwarded, accept: "text/html", [RENDER_HEADER]: renderSecret, "x-wayfinder-peer": request.headers["x-wayfinder-peer"] ?? "unknown" },
        },
        (answer) => {
          const chunks = [];
          answer.on("data", (chunk) => chunks.push(chunk));
          answer.on("error", reject);
          answer.on("end", () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
        },
      );
      inner.on("error", reject);
      inner.end();
    });

  /** The render, kept if it is a page that can be shared: a 200 in HTML whose scripts carry the CSP nonce. */
  const renderAndKeep = async (request, key, state) => {
    stats.renders += 1;
    const answer = await render(request);
    const csp = String(answer.headers["content-security-policy"] ?? "");
    const nonce = NONCE.exec(csp)?.[1];
    const html = String(answer.headers["content-type"] ?? "").startsWith("text/html");
    const cookies = [answer.headers["set-cookie"] ?? []].flat();
    const page = nonceTemplate(answer.body, nonce ?? "");
    const entry = {
      state,
      status: answer.status,
      headers: Object.entries(answer.headers)
        .filter(([name]) => !PER_ANSWER.has(name))
        .flatMap(([name, value]) => [value].flat().map((one) => [name, String(one)])),
      page,
      nonce: nonce ?? "",
      // The render was asked without cookies, so proxy.ts set a CSRF cookie: its form is kept, its value made anew.
      csrf: cookies.find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`)) ?? null,
      shared: answer.status === 200 && html && nonce !== undefined && answer.body.length <= maxBytes / 4,
    };
    if (entry.shared) keep(key, entry);
    return entry;
  };

  const send = (request, response, entry, outcome) => {
    const nonce = randomBytes(16).toString("base64");
    const swap = (text) => (entry.nonce ? text.replaceAll(entry.nonce, nonce) : text);
    const sent = request.headers["x-request-id"];
    const headers = entry.headers.map(([name, value]) => [name, swap(value)]);
    headers.push(["x-request-id", typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID()]);
    headers.push(["x-wayfinder-page-cache", outcome]);
    if (entry.csrf && !cookieNames(request.headers.cookie).includes(CSRF_COOKIE)) {
      const value = entry.csrf.slice(CSRF_COOKIE.length + 1).split(";")[0];
      headers.push(["set-cookie", entry.csrf.replace(value, randomBytes(32).toString("base64url"))]);
    }
    // gzip only: its stream can take the answer's nonce without compressing the page again (nonce-template.mjs).
    const gzip = acceptedEncodings(request.headers["accept-encoding"]).has("gzip");
    const body = gzip ? entry.page.gzip(nonce) : entry.page.plain(nonce);
    if (gzip) headers.push(["content-encoding", "gzip"]);
    headers.push(["content-length", String(body.length)]);
    const vary = headers.find(([name]) => name === "vary");
    if (!vary) headers.push(["vary", "Accept-Encoding"]);
    else if (!/accept-encoding/i.test(vary[1])) vary[1] += ", Accept-Encoding";
    response.writeHead(entry.status, headers.flat());
    response.end(body);
  };

  return {
    /** The server's own request for a render: Next.js answers it, outside the admission gate (its reader holds a place). */
    isRender: (request) => request.headers[RENDER_HEADER] === renderSecret,

    /**
     * Answers a shared page from memory, or renders it once for every reader asking at that moment; calls
     * `next` (Next.js) for anything else, and whenever the page's state cannot be read.
     * @param {import("node:http").IncomingMessage} request
     * @param {import("node:http").ServerResponse} response
     * @param {() => void} next
     */
    async answer(request, response, next) {
      const hooks = app?.();
      if (!hooks || !shareable(request)) return next();
      const started = performance.now();
      let page;
      try {
        page = await hooks.state(new URL(request.url ?? "/", "http://wayfinder.invalid"));
      } catch {
        page = null;
      }
      if (page === null) {
        stats.passed += 1;
        return next();
      }
      const { route, state } = page;
      const counted = (status) => {
        try {
          hooks.answered(route, status, (performance.now() - started) / 1000);
        } catch {
          // A metric that cannot be counted does not undo an answer already sent.
        }
      };
      const key = JSON.stringify([request.headers.host, request.headers["x-forwarded-host"], request.headers["x-forwarded-proto"], request.url]);
      const kept = entries.get(key);
      try {
        if (kept?.state === state) {
          stats.hits += 1;
          keep(key, kept);
          send(request, response, kept, "hit");
          return counted(kept.status);
        }
        const flight = `${key} ${state}`;
        let pending = rendering.get(flight);
        // The reader whose request set off the render is counted by Next.js, which rendered it; the others, here.
        const joined = pending !== undefined;
        if (!pending) {
          pending = renderAndKeep(request, key, state).finally(() => rendering.delete(flight));
          rendering.set(flight, pending);
        }
        const rendered = await pending;
        send(request, response, rendered, rendered.shared ? "render" : "not kept");
        if (joined) counted(rendered.status);
      } catch (error) {
        if (response.headersSent) return response.destroy(error);
        response.writeHead(502, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
        response.end("The page could not be rendered; try again.");
      }
    },

    /** For /metrics: shared answers, renders, pages passed to Next.js, and what is kept. */
    read: () => ({ ...stats, entries: entries.size, bytes }),
  };
}
