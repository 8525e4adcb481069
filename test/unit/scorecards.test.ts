import { describe, expect, it } from "vitest";
import { computeLevel } from "@/lib/scorecards/compute-level";
import { runCheck, type ScorecardFacts } from "@/lib/scorecards/scorecard-checks";
import { loadScorecardConfig } from "@/lib/scorecards/scorecard-config";

const now = new Date("2026-11-30T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const settings = { changeWindowDays: 90, freshnessDays: 180, firstCallMinutes: 15 };

/** A service that passes every check; each case changes one fact. */
const gold: ScorecardFacts = {
  description: "Takes the money.",
  lifecycle: "production",
  sunsetAt: null,
  primaryOwner: { chatChannel: "#payments", email: null },
  current: { publishedAt: daysAgo(3), hasExamples: true, lint: { status: "done", errorCount: 0, undatedDeprecations: 0 } },
  events: { publishedAt: daysAgo(5), messages: 2, messagesWithoutExamples: 0, lintErrors: 0 },
  sourceLastSuccessAt: null,
  recentSemverViolations: 0,
  firstCallP50Seconds: 120,
  slos: [
    { title: "Docs freshness", unit: "seconds", statistic: "p90", value: 1800, target: 3600 },
    { title: "Serialization defects per release", unit: "defects", statistic: "mean", value: 0, target: 0 },
  ],
};

describe("scorecard checks", () => {
  const cases: [Parameters<typeof runCheck>[0], Partial<ScorecardFacts>, RegExp][] = [
    ["ownership", { primaryOwner: null }, /No primary owning team/],
    ["ownership", { primaryOwner: { chatChannel: null, email: null } }, /no chat channel or email/],
    ["documentation", { description: " " }, /Needs a description/],
    ["documentation", { current: { ...gold.current!, hasExamples: false } }, /examples in its API description/],
    ["documentation", { current: { ...gold.current!, lint: { status: "done", errorCount: 2, undatedDeprecations: 0 } } }, /no lint errors \(it has 2\)/],
    ["documentation", { current: { ...gold.current!, lint: null } }, /a lint report \(being checked\)/],
    ["documentation", { events: { ...gold.events!, messagesWithoutExamples: 1 } }, /an example for every message of its event API \(1 of 2 have none\)/],
    ["documentation", { current: null, events: null }, /a published API description/],
    ["documentation", { events: { ...gold.events!, lintErrors: 3 } }, /no lint errors in its event API \(it has 3\)/],
    ["lifecycle-hygiene", { lifecycle: "deprecated", sunsetAt: null }, /Deprecated without a sunset date/],
    [
      "lifecycle-hygiene",
      { current: { ...gold.current!, lint: { status: "done", errorCount: 2, undatedDeprecations: 2 } } },
      /2 deprecated operations without/,
    ],
    ["change-discipline", { recentSemverViolations: 1 }, /1 breaking change without a new major version in the last 90 days/],
    ["freshness", { current: { ...gold.current!, publishedAt: daysAgo(400) }, events: null }, /400 days ago \(more than 180\)/],
    ["freshness", { current: null, events: null }, /Nothing published yet/],
    ["freshness", { current: { ...gold.current!, publishedAt: daysAgo(400) }, events: { ...gold.events!, publishedAt: daysAgo(300) } }, /300 days ago/],
    ["first-call", { firstCallP50Seconds: 1800 }, /30\.0 min \(median; the bar is 15\)/],
    [
      "slo-targets",
      {
        slos: [
          { ...gold.slos[0]!, value: 5400 },
          { ...gold.slos[1]!, value: 2.5 },
        ],
      },
      /^Over the target: docs freshness p90 90\.0 min \(target 60\.0 min\); serialization defects per release 2\.5 \(target 0\.0\)\.$/,
    ],
  ];
  for (const [id, change, message] of cases) {
    it(`${id} fails on ${JSON.stringify(change).slice(0, 80)}, saying why`, () => {
      expect(runCheck(id, gold, settings, now)).toMatchObject({ id, pass: true });
      const outcome = runCheck(id, { ...gold, ...change }, settings, now);
      expect(outcome.pass).toBe(false);
      expect(outcome.detail).toMatch(message);
    });
  }

  it("passes first-call where nobody has tried the service yet, and freshness on a recently read URL source", () => {
    expect(runCheck("first-call", { ...gold, firstCallP50Seconds: null }, settings, now).pass).toBe(true);
    expect(runCheck("slo-targets", { ...gold, slos: [] }, settings, now)).toMatchObject({ pass: true, detail: "No DX-SLO measured for it yet." });
    expect(runCheck("slo-targets", gold, settings, now).detail).toBe("Meets the targets of docs freshness, serialization defects per release.");
    expect(
      runCheck("freshness", { ...gold, current: { ...gold.current!, publishedAt: daysAgo(400) }, sourceLastSuccessAt: daysAgo(1) }, settings, now).pass,
    ).toBe(true);
  });
});

describe("levels (governance/scorecards.yaml)", () => {
  const config = loadScorecardConfig();

  it("reaches the top level when every check passes", () => {
    expect(computeLevel(gold, config, now)).toMatchObject({ level: "Gold", rank: 3, next: null });
  });

  it("stops at the first level with a failing check, even if higher levels' checks pass, and lists what the next one lacks", () => {
    const outcome = computeLevel({ ...gold, current: { ...gold.current!, hasExamples: false } }, config, now);
    expect(outcome).toMatchObject({ level: "Bronze", rank: 1, next: { level: "Silver" } });
    expect(outcome.next!.missing.map((check) => check.id)).toEqual(["documentation"]);
    // Gold's checks were still run: the page can say how close it is.
    expect(outcome.checks.map((check) => check.id)).toContain("first-call");
  });

  it("is below every level without an owner, and the next level's list names it", () => {
    const outcome = computeLevel({ ...gold, primaryOwner: null }, config, now);
    expect(outcome).toMatchObject({ level: null, rank: 0, next: { level: "Bronze", missing: [{ id: "ownership", pass: false }] } });
  });

  it("refuses a configuration that names an unknown check, saying where", () => {
    expect(() =>
      loadScorecardConfig("levels:\n  - name: Bronze\n    checks: [ownershp]\nsettings: { changeWindowDays: 1, freshnessDays: 1, firstCallMinutes: 1 }\n"),
    ).toThrow(/governance\/scorecards\.yaml: levels\.0\.checks\.0/);
  });
});

describe("scorecard checks for a service whose contract is an event API", () => {
  it("counts the event API as its description and its freshness", () => {
    const eventsOnly: ScorecardFacts = { ...gold, current: null, events: { publishedAt: daysAgo(10), messages: 3, messagesWithoutExamples: 0, lintErrors: 0 } };
    expect(runCheck("documentation", eventsOnly, settings, now)).toMatchObject({ pass: true });
    expect(runCheck("freshness", eventsOnly, settings, now)).toMatchObject({ pass: true, detail: "Published or checked 10 days ago." });
  });
});
