import { describe, expect, it } from "vitest";
import { atomFeed } from "@/lib/changes/atom-feed";
import type { RecentChange } from "@/lib/changes/list-recent-changes";

const entry = (overrides: Partial<RecentChange> = {}): RecentChange => ({
  id: "v1",
  contract: "http",
  url: "/services/pay/changes",
  service: { slug: "pay", name: "Pay <script>alert(1)</script> & Co" },
  version: "2.0.0",
  revision: 1,
  publishedAt: "2026-11-30T10:00:00.000Z",
  base: { version: "1.0.0", revision: 1 },
  summary: { breaking: 1, warning: 0, info: 0 },
  changes: [
    { id: "endpoint-removed", level: "breaking", operation: "GET /a", pointer: {}, message: 'GET /a was removed "<img src=x onerror=alert(1)>"\u0007' },
  ],
  moreChanges: 0,
  consumers: null,
  ...overrides,
});

describe("the Atom feed", () => {
  it("is Atom 1.0 with one entry per version, its text escaped", () => {
    const feed = atomFeed([entry(), entry({ id: "v2", version: "1.0.0" })], {
      baseUrl: "https://wayfinder.example.com",
      title: "API changes",
      selfPath: "/changes/feed.atom",
    });
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain("<updated>2026-11-30T10:00:00.000Z</updated>");
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://wayfinder.example.com/services/pay/changes"/>');
    expect(feed).not.toMatch(/<script|<img|\u0007/);
    expect(feed).toContain("Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co 2.0.0 (revision 1): 1 breaking");
    expect(feed).toContain("&quot;&lt;img src=x onerror=alert(1)&gt;&quot;");
  });

  it("names an event API's version as such, links to its comparison, and keeps its id apart from the HTTP version's", () => {
    const url = "/services/pay/diff?contract=event&from=1.0.0&fromRevision=1&to=2.0.0&toRevision=1";
    const feed = atomFeed([entry({ id: "e1", contract: "event", url }), entry()], {
      baseUrl: "https://w.example",
      title: "API changes",
      selfPath: "/changes/feed.atom",
    });
    expect(feed).toContain("Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co event API 2.0.0 (revision 1)");
    expect(feed).toContain(`href="https://w.example${url.replace(/&/g, "&amp;")}"`);
    expect(feed).toContain("<id>https://w.example/services/pay/changes#event-2.0.0-1</id>");
    expect(feed).toContain("<id>https://w.example/services/pay/changes#2.0.0-1</id>");
  });
});
