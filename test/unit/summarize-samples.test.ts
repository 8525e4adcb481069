import { describe, expect, it } from "vitest";
import { figureOf, summarizeSamples } from "@/lib/platform/stats/summarize-samples";

const now = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("summarizeSamples", () => {
  it("interpolates percentiles as PostgreSQL's percentile_cont does", () => {
    expect(figureOf([600, 120, 240])).toEqual({ count: 3, p50: 240, p90: 528, mean: 320 });
    expect(figureOf([7])).toEqual({ count: 1, p50: 7, p90: 7, mean: 7 });
    expect(figureOf([])).toBeNull();
  });

  it("figures the company, each service and each owning team over the window, from the samples themselves", () => {
    const teamsOf = new Map([
      ["a", ["payments"]],
      ["b", ["payments", "platform"]],
    ]);
    const summary = summarizeSamples(
      [
        { serviceId: "a", at: daysAgo(1), value: 10 },
        { serviceId: "a", at: daysAgo(2), value: 20 },
        { serviceId: "b", at: daysAgo(3), value: 90 },
        // Outside the 90 days, and in the future: neither counts.
        { serviceId: "b", at: daysAgo(91), value: 1000 },
        { serviceId: "b", at: daysAgo(-1), value: 1000 },
      ],
      teamsOf,
      now,
      90,
    );
    expect(summary.company).toMatchObject({ count: 3, p50: 20 });
    expect(summary.byService.get("a")).toMatchObject({ count: 2, p50: 15 });
    expect(summary.byService.get("b")).toMatchObject({ count: 1, p50: 90 });
    // A team's figure is over its services' samples, not an average of their figures.
    expect(summary.byTeam.get("payments")).toMatchObject({ count: 3, p50: 20, mean: 40 });
    expect(summary.byTeam.get("platform")).toMatchObject({ count: 1, p50: 90 });
  });

  it("trends week by week back from now, oldest first, with empty weeks as null", () => {
    const summary = summarizeSamples(
      [
        { serviceId: "a", at: daysAgo(1), value: 4 },
        { serviceId: "a", at: daysAgo(6.9), value: 8 },
        { serviceId: "a", at: daysAgo(8), value: 30 },
        { serviceId: "a", at: daysAgo(89), value: 2 },
      ],
      new Map(),
      now,
      90,
    );
    expect(summary.trend).toHaveLength(13);
    expect(summary.trend.at(-1)).toEqual({ weekStart: "2026-11-28", figure: { count: 2, p50: 6, p90: 7.6, mean: 6 } });
    expect(summary.trend.at(-2)!.figure).toMatchObject({ count: 1, p50: 30 });
    expect(summary.trend.at(-3)!.figure).toBeNull();
    expect(summary.trend[0]!.figure).toMatchObject({ count: 1, p50: 2 });
  });
});
