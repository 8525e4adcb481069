import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/platform/http/client-address";
import { assertSameOrigin, requestOrigin } from "@/lib/platform/http/request-origin";

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/teams", { method: "POST", headers });

describe("the origin of a request", () => {
  it("believes forwarded headers only behind a trusted proxy", () => {
    const forwarded = request({ host: "127.0.0.1:3000", "x-forwarded-host": "portal.example.com", "x-forwarded-proto": "https" });
    expect(requestOrigin(forwarded, false)).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(forwarded, true)).toBe("https://portal.example.com");
    expect(() =>
      assertSameOrigin(
        request({ host: "127.0.0.1:3000", "x-forwarded-host": "portal.example.com", "x-forwarded-proto": "https", origin: "https://portal.example.com" }),
        true,
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(
        request({ host: "127.0.0.1:3000", "x-forwarded-host": "portal.example.com", "x-forwarded-proto": "https", origin: "https://portal.example.com" }),
        false,
      ),
    ).toThrow(/Cross-origin/);
  });

  it("compares scheme, host and port, and refuses null or malformed origins", () => {
    expect(() => assertSameOrigin(request({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), false)).not.toThrow();
    for (const origin of ["https://127.0.0.1:3000", "http://127.0.0.1:3001", "http://localhost:3000", "null", "not a url"]) {
      expect(() => assertSameOrigin(request({ host: "127.0.0.1:3000", origin }), false), origin).toThrow();
    }
  });
});

describe("the client's address, for throttling", () => {
  it("takes the socket's address the server set, or behind a trusted proxy the entry that proxy appended; never what the client claims", () => {
    // Next.js passes a client's X-Forwarded-For through untouched when it is there, so it proves nothing.
    const claimed = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-wayfinder-peer": "10.0.0.2" });
    expect(clientAddress(claimed, false)).toBe("10.0.0.2");
    expect(clientAddress(claimed, true)).toBe("203.0.113.7");
    expect(clientAddress(request({ "x-forwarded-for": "6.6.6.6" }), false)).toBe("unknown");
    expect(clientAddress(request({ "x-wayfinder-peer": "10.0.0.2" }), true)).toBe("10.0.0.2");
  });
});
