import { describe, expect, it } from "vitest";
import { describeFilterProblems, requestedLifecycles, serviceFiltersFromSearchParams, serviceFiltersToSearch } from "@/lib/services/service-filters";
import { serviceWhere } from "@/lib/services/list-services";

describe("service filters", () => {
  it("reads repeated and comma-separated lifecycles alike", () => {
    const repeated = serviceFiltersFromSearchParams(new URLSearchParams("lifecycle=production&lifecycle=deprecated"));
    const commas = serviceFiltersFromSearchParams(new URLSearchParams("lifecycle=production,deprecated"));
    expect(repeated.success && repeated.data.lifecycle).toEqual(["production", "deprecated"]);
    expect(commas.success && commas.data.lifecycle).toEqual(["production", "deprecated"]);
  });

  it("defaults page and page size and treats empty values as absent", () => {
    const result = serviceFiltersFromSearchParams({ q: "", team: "", page: undefined });
    expect(result.success && result.data).toEqual({ page: 1, pageSize: 50 });
  });

  it("names the parameter that is wrong", () => {
    const result = serviceFiltersFromSearchParams(new URLSearchParams("lifecycle=sunset&pageSize=1000"));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toContain("lifecycle.0");
    expect(paths).toContain("pageSize");
  });

  it("round-trips through the URL", () => {
    const search = serviceFiltersToSearch({ q: "pay", team: "payments", lifecycle: ["production", "retired"], tag: "pci", page: 2, pageSize: 50 });
    expect(search).toBe("?q=pay&team=payments&lifecycle=production&lifecycle=retired&tag=pci&page=2");
    const parsed = serviceFiltersFromSearchParams(new URLSearchParams(search.slice(1)));
    expect(parsed.success && parsed.data).toEqual({ q: "pay", team: "payments", lifecycle: ["production", "retired"], tag: "pci", page: 2, pageSize: 50 });
  });

  it("hides retired services unless asked for by flag or by lifecycle", () => {
    const hideRetired = { lifecycle: { not: "retired" } };
    expect(serviceWhere({ page: 1, pageSize: 50 })).toEqual({ AND: [hideRetired] });
    expect(serviceWhere({ includeRetired: true, page: 1, pageSize: 50 })).toEqual({});
    expect(serviceWhere({ lifecycle: ["retired"], page: 1, pageSize: 50 })).toEqual({ AND: [{ lifecycle: { in: ["retired"] } }] });
  });

  it("reads retired=true as lifecycle=retired, so the two addresses show the same services", () => {
    const onlyRetired = { AND: [{ lifecycle: { in: ["retired"] } }] };
    expect(serviceWhere({ retired: true, page: 1, pageSize: 50 })).toEqual(onlyRetired);
    expect(serviceWhere({ retired: true, lifecycle: ["retired"], page: 1, pageSize: 50 })).toEqual(onlyRetired);
    expect(serviceWhere({ retired: true, lifecycle: ["deprecated"], page: 1, pageSize: 50 })).toEqual({
      AND: [{ lifecycle: { in: ["deprecated", "retired"] } }],
    });
    expect(requestedLifecycles({ retired: false, lifecycle: ["production"] })).toEqual(["production"]);
  });

  it("builds one condition per filter, and 'mine' from the caller's teams", () => {
    const where = serviceWhere({ q: "pay", team: "payments", lifecycle: ["production"], tag: "pci", mine: true, page: 1, pageSize: 50 }, ["t1"]);
    expect(where.AND).toHaveLength(6);
    expect(where.AND).toContainEqual({ ownerships: { some: { teamId: { in: ["t1"] } } } });
  });

  it("says in words which filters of an address were not understood, with the value given", () => {
    const given = { lifecycle: "bogus", page: "abc", team: "Payments Team" };
    const result = serviceFiltersFromSearchParams(given);
    expect(result.success).toBe(false);
    expect(describeFilterProblems(result.error!.issues, given)).toEqual([
      // In the order the filters are declared.
      'team "Payments Team" is not a team\'s slug (lower-case letters, digits and hyphens)',
      'lifecycle "bogus" is not one of experimental, production, deprecated, retired',
      'page "abc" must be a whole number from 1',
    ]);
  });
});
