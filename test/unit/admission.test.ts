import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, loaded by scripts/serve.mjs before Next.js
import { admission } from "../../scripts/admission.mjs";

interface Gate {
  admit(request: unknown, response: unknown, handle: () => void): void;
  read(): { active: number; waiting: number; admitted: number; queued: number; refused: number };
}

/** A real HTTP server behind the gate whose handler answers only when the test says so. */
async function gated(limits: { concurrent: number; queued: number; maxWaitMs: number }) {
  const gate = admission(limits) as Gate;
  const pending: (() => void)[] = [];
  const server: Server = createServer((request, response) =>
    gate.admit(request, response, () => {
      if (request.url!.startsWith("/_next/static/") || request.url === "/api/health") return response.end("fast");
      pending.push(() => response.end(request.url));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gate, pending, server, get: (path: string, accept = "application/json") => fetch(`${base}${path}`, { headers: { accept } }) };
}

describe("the HTTP server's back-pressure", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("answers some at once, queues the next in order, and refuses beyond the queue with 503 and Retry-After", async () => {
    const setup = await gated({ concurrent: 1, queued: 1, maxWaitMs: 10_000 });
    server = setup.server;
    const first = setup.get("/one");
    await expect.poll(() => setup.pending.length).toBe(1);
    const second = setup.get("/two");
    await expect.poll(() => setup.gate.read().waiting).toBe(1);
    const third = await setup.get("/three");
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(await third.json()).toEqual({ error: { code: "OVERLOADED", message: "The portal is busy; try again in a second." } });
    // A page gets words, not JSON.
    const page = await setup.get("/page", "text/html");
    expect([page.status, await page.text()]).toEqual([503, "The portal is busy; try again in a second."]);
    // Built assets and the health check are never held back.
    expect((await setup.get("/_next/static/chunk.js")).status).toBe(200);
    expect((await setup.get("/api/health")).status).toBe(200);

    setup.pending.shift()!();
    expect(await (await first).text()).toBe("/one");
    await expect.poll(() => setup.pending.length).toBe(1);
    setup.pending.shift()!();
    expect(await (await second).text()).toBe("/two");
    expect(setup.gate.read()).toMatchObject({ active: 0, waiting: 0, queued: 1, refused: 2 });
  });

  it("refuses a request that waited too long, and lets the next through when a slot frees", async () => {
    const setup = await gated({ concurrent: 1, queued: 10, maxWaitMs: 200 });
    server = setup.server;
    const first = setup.get("/slow");
    await expect.poll(() => setup.pending.length).toBe(1);
    expect((await setup.get("/waits")).status).toBe(503);
    setup.pending.shift()!();
    await first;
    const next = setup.get("/next");
    await expect.poll(() => setup.pending.length).toBe(1);
    setup.pending.shift()!();
    expect((await next).status).toBe(200);
  });
});
