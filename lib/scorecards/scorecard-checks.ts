/** What the checks look at, for one service, gathered by load-scorecard-facts.ts. */
export interface ScorecardFacts {
  description: string;
  lifecycle: "experimental" | "production" | "deprecated" | "retired";
  sunsetAt: Date | null;
  primaryOwner: { chatChannel: string | null; email: string | null } | null;
  current: {
    publishedAt: Date;
    hasExamples: boolean;
    /** null while the version has not been linted. */
    lint: { status: "done" | "failed"; errorCount: number; undatedDeprecations: number } | null;
  } | null;
  /** The newest version of its event API (AsyncAPI), if it has one: when, and how many of its messages lack an example. */
  events: { publishedAt: Date; messages: number; messagesWithoutExamples: number; lintErrors: number } | null;
  sourceLastSuccessAt: Date | null;
  /** Publications in the change window with breaking changes and no new major version. */
  recentSemverViolations: number;
  /** Median time to first successful call, where measured. */
  firstCallP50Seconds: number | null;
  /** The DX-SLOs measured for the service (governance/slos.yaml): its figure against the target. */
  slos: { title: string; unit: "seconds" | "defects"; statistic: "p90" | "mean"; value: number; target: number }[];
}

export interface CheckSettings {
  changeWindowDays: number;
  freshnessDays: number;
  firstCallMinutes: number;
}

export interface CheckOutcome {
  id: CheckId;
  pass: boolean;
  /** What passed, or what is missing, in words. */
  detail: string;
}

const days = (ms: number) => ms / 86_400_000;

const checks = {
  ownership: (facts: ScorecardFacts) => {
    if (!facts.primaryOwner) return { pass: false, detail: "No primary owning team." };
    if (!facts.primaryOwner.chatChannel && !facts.primaryOwner.email) return { pass: false, detail: "The primary owning team has no chat channel or email." };
    return { pass: true, detail: "A primary owning team with contacts." };
  },
  documentation: (facts: ScorecardFacts) => {
    const missing: string[] = [];
    if (!facts.description.trim()) missing.push("a description");
    // Either contract counts as described: an HTTP API description or an event API's.
    if (!facts.current && !facts.events) missing.push("a published API description");
    if (facts.events?.messagesWithoutExamples)
      missing.push(`an example for every message of its event API (${facts.events.messagesWithoutExamples} of ${facts.events.messages} have none)`);
    if (facts.events?.lintErrors) missing.push(`no lint errors in its event API (it has ${facts.events.lintErrors})`);
    if (facts.current) {
      if (!facts.current.hasExamples) missing.push("examples in its API description");
      if (!facts.current.lint) missing.push("a lint report (being checked)");
      else if (facts.current.lint.status === "failed") missing.push("a lint report (linting failed)");
      else if (facts.current.lint.errorCount) missing.push(`no lint errors (it has ${facts.current.lint.errorCount})`);
    }
    return missing.length ? { pass: false, detail: `Needs ${missing.join(", ")}.` } : { pass: true, detail: "Described, with examples and no lint errors." };
  },
  "lifecycle-hygiene": (facts: ScorecardFacts) => {
    if (facts.lifecycle === "deprecated" && !facts.sunsetAt) return { pass: false, detail: "Deprecated without a sunset date." };
    const undated = facts.current?.lint?.undatedDeprecations ?? 0;
    if (undated) return { pass: false, detail: `${undated} deprecated operation${undated === 1 ? "" : "s"} without a sunset date.` };
    return { pass: true, detail: "Whatever is deprecated says when it goes." };
  },
  "change-discipline": (facts: ScorecardFacts, settings: CheckSettings) =>
    facts.recentSemverViolations
      ? {
          pass: false,
          detail: `${facts.recentSemverViolations} breaking change${facts.recentSemverViolations === 1 ? "" : "s"} without a new major version in the last ${settings.changeWindowDays} days.`,
        }
      : { pass: true, detail: `No breaking change without a new major version in the last ${settings.changeWindowDays} days.` },
  freshness: (facts: ScorecardFacts, settings: CheckSettings, now: Date) => {
    const latest = Math.max(facts.current?.publishedAt.getTime() ?? 0, facts.events?.publishedAt.getTime() ?? 0, facts.sourceLastSuccessAt?.getTime() ?? 0);
    if (!latest) return { pass: false, detail: "Nothing published yet." };
    const age = Math.floor(days(now.getTime() - latest));
    return age <= settings.freshnessDays
      ? { pass: true, detail: `Published or checked ${age} day${age === 1 ? "" : "s"} ago.` }
      : { pass: false, detail: `Last published or checked ${age} days ago (more than ${settings.freshnessDays}).` };
  },
  "first-call": (facts: ScorecardFacts, settings: CheckSettings) => {
    if (facts.firstCallP50Seconds === null) return { pass: true, detail: "No first calls measured yet." };
    const minutes = facts.firstCallP50Seconds / 60;
    return minutes <= settings.firstCallMinutes
      ? { pass: true, detail: `A newcomer's first successful call takes ${minutes.toFixed(1)} min (median).` }
      : { pass: false, detail: `A newcomer's first successful call takes ${minutes.toFixed(1)} min (median; the bar is ${settings.firstCallMinutes}).` };
  },
  "slo-targets": (facts: ScorecardFacts) => {
    if (!facts.slos.length) return { pass: true, detail: "No DX-SLO measured for it yet." };
    const shown = (value: number, unit: "seconds" | "defects") => (unit === "seconds" ? `${(value / 60).toFixed(1)} min` : value.toFixed(1));
    const over = facts.slos.filter((slo) => slo.value > slo.target);
    if (!over.length) return { pass: true, detail: `Meets the targets of ${facts.slos.map((slo) => slo.title.toLowerCase()).join(", ")}.` };
    return {
      pass: false,
      detail: `Over the target: ${over
        .map(
          (slo) => `${slo.title.toLowerCase()} ${slo.statistic === "p90" ? "p90 " : ""}${shown(slo.value, slo.unit)} (target ${shown(slo.target, slo.unit)})`,
        )
        .join("; ")}.`,
    };
  },
} satisfies Record<string, (facts: ScorecardFacts, settings: CheckSettings, now: Date) => { pass: boolean; detail: string }>;

export type CheckId = keyof typeof checks;
export const CHECK_IDS = Object.keys(checks) as [CheckId, ...CheckId[]];

export function runCheck(id: CheckId, facts: ScorecardFacts, settings: CheckSettings, now: Date): CheckOutcome {
  return { id, ...checks[id](facts, settings, now) };
}
