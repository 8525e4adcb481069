import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/platform/security/security-headers";

describe("security headers", () => {
  const base = { nonce: "abc", development: false, signInOrigins: ["https://sso.example.com"] };

  it("adds HSTS only over https, and lets sign-in forms reach the identity provider", () => {
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ ...base, https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })["Content-Security-Policy"]).toContain("form-action 'self' https://sso.example.com");
  });

  it("never allows inline scripts without the nonce, nor eval outside development", () => {
    const policy = securityHeaders({ ...base, https: false })["Content-Security-Policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-abc' 'strict-dynamic'(;|$)/);
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(policy).not.toContain("unsafe-eval");
    expect(securityHeaders({ ...base, https: false, development: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });
});
