import { parse } from "yaml";
import { z } from "zod";
import { readGovernanceFile } from "@/lib/governance/read-governance-file";
import { CHECK_IDS } from "./scorecard-checks";

export const SCORECARDS_PATH = "governance/scorecards.yaml";

const configSchema = z.object({
  levels: z
    .array(z.object({ name: z.string().trim().min(1).max(40), checks: z.array(z.enum(CHECK_IDS)).min(1) }))
    .min(1)
    .refine((levels) => new Set(levels.map((level) => level.name)).size === levels.length, "level names must differ"),
  settings: z.object({
    changeWindowDays: z.int().min(1).max(3650),
    freshnessDays: z.int().min(1).max(3650),
    firstCallMinutes: z.number().positive().max(10_000),
  }),
});

export type ScorecardConfig = z.infer<typeof configSchema>;

let cached: { text: string; config: ScorecardConfig } | undefined;

/** The levels and their settings (`text` defaults to the repository's file); a mistake in it is named. */
export function loadScorecardConfig(text?: string): ScorecardConfig {
  if (text !== undefined) return parseConfig(text);
  const current = readGovernanceFile(SCORECARDS_PATH);
  if (cached?.text !== current) cached = { text: current, config: parseConfig(current) };
  return cached.config;
}

function parseConfig(text: string): ScorecardConfig {
  const parsed = configSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(`${SCORECARDS_PATH}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top)"} ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/** The level names, lowest first (for filters and badges). */
export function levelNames(): string[] {
  return loadScorecardConfig().levels.map((level) => level.name);
}
