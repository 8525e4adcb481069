import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, run by scripts/serve.mjs
import { nonceTemplate } from "../../scripts/nonce-template.mjs";

const NONCE = "kept+nonce/of/render==";
const fresh = () => randomBytes(16).toString("base64");

/** What the page must be with `nonce` in place of the kept one. */
const expected = (page: string, nonce: string) => Buffer.from(page.replaceAll(NONCE, nonce));

describe("a page kept with its nonce taken out", () => {
  it.each([
    ["a nonce in the middle, several times", `<script nonce="${NONCE}">a()</script><p>é ü 漢字 🧭</p><script nonce="${NONCE}">b()</script>`],
    ["a nonce at the start and at the end", `${NONCE}<p>x</p>${NONCE}`],
    ["two nonces side by side", `<p>${NONCE}${NONCE}</p>`],
    ["no nonce at all", "<p>no scripts here</p>"],
    ["only the nonce", NONCE],
    ["nothing", ""],
  ])("gives, with %s, the page with each answer's nonce, plain and as gzip", (_, page) => {
    const template = nonceTemplate(Buffer.from(page), NONCE);
    for (const nonce of [fresh(), fresh()]) {
      expect(template.plain(nonce).equals(expected(page, nonce))).toBe(true);
      // gunzip checks the stream's CRC-32 and length as well as the blocks.
      expect(gunzipSync(template.gzip(nonce)).equals(expected(page, nonce))).toBe(true);
    }
  });

  it("compresses a large page once, and each answer is that compression with the nonce spliced in", () => {
    // A page of ~1 MB, text the compressor can shrink, with 300 nonces in it.
    const rows = Array.from(
      { length: 300 },
      (_, n) => `<tr><td>service-${n}</td><td>${randomBytes(400).toString("hex")}</td></tr><script nonce="${NONCE}">r(${n})</script>`,
    );
    const page = `<html><body><table>${rows.join("")}</table></body></html>`;
    const template = nonceTemplate(Buffer.from(page), NONCE);
    const nonce = fresh();
    const gzipped = template.gzip(nonce);
    expect(gunzipSync(gzipped).equals(expected(page, nonce))).toBe(true);
    expect(gzipped.length).toBeLessThan(page.length * 0.6);
  });

  it("takes a page without a nonce as it is", () => {
    const page = Buffer.from(`<p>${NONCE}</p>`);
    const template = nonceTemplate(page, "");
    expect(template.plain(fresh()).equals(page)).toBe(true);
    expect(gunzipSync(template.gzip(fresh())).equals(page)).toBe(true);
  });
});
