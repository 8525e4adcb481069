import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, run by scripts/serve.mjs
import { sharedPageCache } from "../../scripts/page-cache.mjs";

/**
 * The page cache in front of a real HTTP server that answers as proxy.ts and a page do: a fresh nonce in
 * the CSP header and on the page's scripts, a CSRF cookie for a reader without one, a request id.
 */
let server: Server;
let base: string;
let cache: {
  isRender(request: IncomingMessage): boolean;
  answer(request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void>;
  read(): Record<string, number>;
};
let catalogue = "Payments API";
let state: string | null | Error = "one";
const rendered: { url: string; headers: IncomingMessage["headers"] }[] = [];
/** Answers the cache counted itself: those Next.js did not render. */
const answered: { route: string; status: number; seconds: number }[] = [];

function app(request: IncomingMessage, response: ServerResponse) {
  rendered.push({ url: request.url!, headers: request.headers });
  const nonce = randomBytes(16).toString("base64");
  const headers: Record<string, string | string[]> = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    Vary: "rsc, next-router-state-tree",
    "X-Request-Id": String(request.headers["x-request-id"] ?? "made-by-the-app"),
  };
  if (!(request.headers.cookie ?? "").includes("wf_csrf=")) headers["Set-Cookie"] = `wf_csrf=${randomBytes(32).toString("base64url")}; Path=/; SameSite=strict`;
  if (request.url === "/services/moved") {
    response.writeHead(307, { ...headers, Location: "/signin" });
    return response.end();
  }
  const page = `<html><head><script nonce="${nonce}">theme()</script></head><body><h1>${catalogue}</h1><p>${request.url}</p><script nonce="${nonce}">hydrate()</script></body></html>`;
  const send = () => {
    response.writeHead(200, headers);
    response.end(page);
  };
  if (request.url === "/services/slow") setTimeout(send, 100);
  else send();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (cache.isRender(request)) return app(request, response);
    request.headers["x-wayfinder-peer"] = request.socket.remoteAddress ?? "unknown";
    void cache.answer(request, response, () => app(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  cache = sharedPageCache({
    port,
    host: "127.0.0.1",
    maxEntries: 3,
    app: () => ({
      state: async (url: URL) => {
        if (!url.pathname.startsWith("/services")) return null;
        if (state instanceof Error) throw state;
        return { route: "/services", state };
      },
      answered: (route: string, status: number, seconds: number) => answered.push({ route, status, seconds }),
    }),
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  rendered.length = 0;
  answered.length = 0;
  catalogue = "Payments API";
  state = `state ${Math.random()}`;
});

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  text: string;
}

/** The raw answer, decompressed here so the encoding it came in is seen. */
function get(address: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}${address}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const plain = encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body;
        expect(Number(response.headers["content-length"] ?? body.length)).toBe(body.length);
        resolve({ status: response.statusCode!, headers: response.headers, text: plain.toString("utf8") });
      });
    });
    sent.on("error", reject);
    sent.end();
  });
}

const cspNonce = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))![1]!;
const pageNonces = (answer: Answer) => [...answer.text.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);

describe("the shared page cache", () => {
  it("renders a page once for readers not signed in, then answers each from memory with a nonce of its own", async () => {
    const first = await get("/services?team=payments");
    const second = await get("/services?team=payments");
    const third = await get("/services?team=payments");
    expect(rendered).toHaveLength(1);
    expect([first, second, third].map((answer) => answer.headers["x-wayfinder-page-cache"])).toEqual(["render", "hit", "hit"]);
    for (const answer of [first, second, third]) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("<h1>Payments API</h1><p>/services?team=payments</p>");
      // Every script of the page carries the nonce its own CSP header names.
      expect(pageNonces(answer)).toEqual([cspNonce(answer), cspNonce(answer)]);
      expect(answer.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
      expect(answer.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    }
    const nonces = [first, second, third].map(cspNonce);
    expect(new Set(nonces).size).toBe(3);
    expect(second.text).not.toContain(nonces[0]);
    expect(cache.read()).toMatchObject({ entries: expect.any(Number), hits: expect.any(Number), renders: expect.any(Number) });
  });

  it("asks for the render as a reader with no cookie and no compression would, with nothing else of the first reader's but the address", async () => {
    await get("/services", {
      cookie: "wf_csrf=mine",
      "accept-encoding": "br",
      "x-wayfinder-peer": "203.0.113.9",
      "user-agent": "Googlebot/2.1",
      "accept-language": "fr",
      accept: "text/markdown",
    });
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.headers.cookie).toBeUndefined();
    expect(rendered[0]!.headers["accept-encoding"]).toBeUndefined();
    // Nothing the key leaves out shapes the page: not the first reader's browser, language or Accept.
    expect(rendered[0]!.headers["user-agent"]).toBeUndefined();
    expect(rendered[0]!.headers["accept-language"]).toBeUndefined();
    expect(rendered[0]!.headers.accept).toBe("text/html");
    expect(rendered[0]!.headers["x-wayfinder-peer"]).toBe("127.0.0.1");
  });

  it("gives a reader without a CSRF cookie a new one each time, in the app's form, and one who has it none", async () => {
    const answers = [await get("/services"), await get("/services"), await get("/services")];
    const cookies = answers.map((answer) => String(answer.headers["set-cookie"]));
    for (const cookie of cookies) expect(cookie).toMatch(/^wf_csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=strict$/);
    expect(new Set(cookies).size).toBe(3);
    const withCookie = await get("/services", { cookie: "wf_csrf=mine" });
    expect(withCookie.headers["x-wayfinder-page-cache"]).toBe("hit");
    expect(withCookie.headers["set-cookie"]).toBeUndefined();
  });

  it("echoes a sane request id and makes one for any other", async () => {
    await get("/services");
    expect((await get("/services", { "x-request-id": "lb-1234.5" })).headers["x-request-id"]).toBe("lb-1234.5");
    const made = await get("/services", { "x-request-id": "<script>" });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers["x-wayfinder-page-cache"]).toBe("hit");
  });

  it("renders again as soon as the state the app reports changes", async () => {
    await get("/services");
    catalogue = "Payments API and Ledger API";
    expect((await get("/services")).text).toContain("<h1>Payments API</h1>");
    state = "the catalogue changed";
    const after = await get("/services");
    expect(after.headers["x-wayfinder-page-cache"]).toBe("render");
    expect(after.text).toContain("<h1>Payments API and Ledger API</h1>");
    expect(rendered).toHaveLength(2);
  });

  it.each([
    ["a session cookie", { cookie: "wf_csrf=x; next-auth.session-token=abc" }, "GET"],
    ["an Authorization header", { authorization: "Bearer wf_token" }, "GET"],
    ["an RSC request", { rsc: "1" }, "GET"],
    ["a prefetch by the router", { "next-router-prefetch": "1" }, "GET"],
    ["a server action", { "next-action": "abc" }, "GET"],
    ["a HEAD", {}, "HEAD"],
    ["a POST", {}, "POST"],
  ])("leaves %s to Next.js, every time", async (_, headers, method) => {
    await get("/services", headers, method);
    await get("/services", headers, method);
    expect(rendered).toHaveLength(2);
  });

  it("takes a reader's own render header for nothing: the page is still shared, rendered with the server's secret", async () => {
    const answers = [await get("/services", { "x-wayfinder-page-render": "guess" }), await get("/services", { "x-wayfinder-page-render": "guess" })];
    expect(answers.map((answer) => answer.headers["x-wayfinder-page-cache"])).toEqual(["render", "hit"]);
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.headers["x-wayfinder-page-render"]).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("leaves to Next.js a page that is not shared, and any page whose state cannot be read", async () => {
    const other = await get("/teams");
    expect(other.headers["x-wayfinder-page-cache"]).toBeUndefined();
    state = new Error("database away");
    const broken = await get("/services");
    expect(broken.status).toBe(200);
    expect(broken.headers["x-wayfinder-page-cache"]).toBeUndefined();
    expect(rendered.map((render) => render.url)).toEqual(["/teams", "/services"]);
    expect(answered).toEqual([]);
  });

  it("makes readers arriving together wait for one render, and counts each answer once", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => get("/services/slow")));
    expect(rendered).toHaveLength(1);
    // Next.js counts the render it answered (its request span); the nine readers who waited for it are counted here.
    expect(answered).toHaveLength(9);
    await get("/services/slow");
    expect(answered).toHaveLength(10);
    expect(answered.every((answer) => answer.route === "/services" && answer.status === 200 && answer.seconds > 0)).toBe(true);
    expect(new Set(answers.map(cspNonce)).size).toBe(10);
    for (const answer of answers) expect(pageNonces(answer)).toEqual([cspNonce(answer), cspNonce(answer)]);
  });

  it("passes on an answer that is not a shared page, and keeps nothing of it", async () => {
    const first = await get("/services/moved");
    const second = await get("/services/moved");
    for (const answer of [first, second]) {
      expect(answer.status).toBe(307);
      expect(answer.headers.location).toBe("/signin");
      expect(answer.headers["x-wayfinder-page-cache"]).toBe("not kept");
    }
    expect(rendered).toHaveLength(2);
  });

  it("sends the same page gzipped or as it is, as the reader takes it", async () => {
    const answers = await Promise.all(
      ["gzip, deflate, br, zstd", "gzip", "br", "identity", "br;q=0, gzip;q=0"].map(
        async (encoding) => [encoding, await get("/services", { "accept-encoding": encoding })] as const,
      ),
    );
    const encodings = answers.map(([, answer]) => answer.headers["content-encoding"]);
    expect(encodings).toEqual(["gzip", "gzip", undefined, undefined, undefined]);
    const pages = answers.map(([, answer]) => answer.text.replaceAll(cspNonce(answer), "NONCE"));
    expect(new Set(pages).size).toBe(1);
  });

  it("keeps a page per host, and a bounded number of pages, the least recently used going first", async () => {
    await get("/services", { host: "portal.example" });
    await get("/services", { host: "evil.example" });
    expect(rendered).toHaveLength(2);
    expect(rendered.map((render) => render.headers.host)).toEqual(["portal.example", "evil.example"]);
    // maxEntries is 3: a fourth and fifth address push out the two least recently used.
    await get("/services", { host: "portal.example" });
    await get("/services?page=2", { host: "portal.example" });
    await get("/services?page=3", { host: "portal.example" });
    expect(rendered).toHaveLength(4);
    expect((await get("/services", { host: "portal.example" })).headers["x-wayfinder-page-cache"]).toBe("hit");
    expect((await get("/services", { host: "evil.example" })).headers["x-wayfinder-page-cache"]).toBe("render");
    expect(cache.read().entries).toBeLessThanOrEqual(3);
  });
});
