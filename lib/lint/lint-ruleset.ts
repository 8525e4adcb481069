import { readFileSync } from "node:fs";
import path from "node:path";
import { createConfig, parseYaml, type Config } from "@redocly/openapi-core";
import { housePlugin } from "./house-plugin";
import { rulesetHash } from "./ruleset-hash";

/** Where the company's ruleset lives (see its comments). */
export const RULESET_PATH = "governance/lint.yaml";

export interface Ruleset {
  config: Config;
  /** Identifies this ruleset: a version linted under another is linted again. */
  hash: string;
}

/**
 * The ruleset as Redocly needs it: the YAML's rules, the house plugin, nothing inherited (so what is
 * checked is exactly what the file lists). `text` defaults to the repository's file.
 */
export async function loadRuleset(text = readFileSync(path.join(process.cwd(), RULESET_PATH), "utf8")): Promise<Ruleset> {
  const raw = parseYaml(text) as { rules?: Record<string, unknown> };
  const config = await createConfig({ extends: [], plugins: [housePlugin], rules: raw.rules ?? {} } as never);
  return { config, hash: rulesetHash(text) };
}
