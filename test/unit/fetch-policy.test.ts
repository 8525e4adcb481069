import { describe, expect, it } from "vitest";
import { isAllowedHost, isNamedByPolicy, parseFetchPolicy, refusalReason } from "@/lib/platform/fetch-policy";

describe("the fetch allowlist (WAYFINDER_FETCH_ALLOW)", () => {
  const policy = parseFetchPolicy("specs.internal, specs.internal:8443, 10.20.0.0/16, 10.30.0.0/16:8080, [fd00::1]:9000");

  it("opens 80 and 443 for an entry without a port, and only the named port otherwise", () => {
    expect([80, 443, 8443, 5432].map((port) => isAllowedHost(policy, "specs.internal", port))).toEqual([true, true, true, false]);
    expect(refusalReason("10.20.1.2", policy, 443)).toBeNull();
    expect(refusalReason("10.20.1.2", policy, 5432)).toMatch(/allowed by WAYFINDER_FETCH_ALLOW, but not on port 5432/);
    expect(refusalReason("10.30.1.2", policy, 8080)).toBeNull();
    expect(refusalReason("10.30.1.2", policy, 80)).toMatch(/not on port 80/);
    expect(refusalReason("fd00::1", policy, 9000)).toBeNull();
    expect(refusalReason("fd00::1", policy, 443)).toMatch(/not on port 443/);
  });

  it("lets public addresses through on any port and refuses internal ones that are not listed", () => {
    expect(refusalReason("93.184.216.34", policy, 8080)).toBeNull();
    expect(refusalReason("127.0.0.1", policy, 80)).toMatch(/loopback/);
    expect(refusalReason("169.254.169.254", policy, 80)).toMatch(/link local/);
  });

  it("refuses entries it cannot read, naming them", () => {
    expect(() => parseFetchPolicy("10.0.0.0/99")).toThrow(/"10\.0\.0\.0\/99" is not a valid CIDR range/);
    expect(() => parseFetchPolicy("host:99999")).toThrow(/port must be 1 to 65535/);
    expect(() => parseFetchPolicy("not a host")).toThrow(/is not a host name/);
  });
});

describe("naming a target in WAYFINDER_TRY_ALLOW", () => {
  it("names hosts by name and port, and literal addresses by their networks and ports", () => {
    const policy = parseFetchPolicy("api.internal:8443,127.0.0.1:4000,10.1.0.0/16,[fd00::1]:9000");
    expect(isNamedByPolicy(policy, "api.internal", 8443)).toBe(true);
    expect(isNamedByPolicy(policy, "api.internal", 443)).toBe(false);
    expect(isNamedByPolicy(policy, "127.0.0.1", 4000)).toBe(true);
    expect(isNamedByPolicy(policy, "127.0.0.1", 4001)).toBe(false);
    expect(isNamedByPolicy(policy, "10.1.200.3", 443)).toBe(true);
    expect(isNamedByPolicy(policy, "10.2.0.1", 443)).toBe(false);
    expect(isNamedByPolicy(policy, "[fd00::1]", 9000)).toBe(true);
    expect(refusalReason("127.0.0.1", policy, 4001, "WAYFINDER_TRY_ALLOW")).toBe("127.0.0.1 is allowed by WAYFINDER_TRY_ALLOW, but not on port 4001");
  });
});
