import { createConfig, parseYaml, type Config } from "@redocly/openapi-core";
import { housePlugin } from "./house-plugin";
import { rulesetHash } from "./ruleset-hash";
import { currentRulesetText } from "./ruleset-text";

export interface Ruleset {
  config: Config;
  /** Identifies this ruleset: a version linted under another is linted again. */
  hash: string;
}

/**
 * The ruleset as Redocly needs it: the YAML's rules, the house plugin, nothing inherited (so what is
 * checked is exactly what the file lists). `text` defaults to the repository's file.
 */
export async function loadRuleset(text = currentRulesetText()): Promise<Ruleset> {
  const raw = parseYaml(text) as { rules?: Record<string, unknown>; async2Rules?: Record<string, unknown>; async3Rules?: Record<string, unknown> };
  // `rules` reach OpenAPI documents; AsyncAPI 2.x and 3.0 documents get their own lists (Redocly's names).
  const config = await createConfig({
    extends: [],
    plugins: [housePlugin],
    rules: raw.rules ?? {},
    async2Rules: raw.async2Rules ?? {},
    async3Rules: raw.async3Rules ?? {},
  } as never);
  return { config, hash: rulesetHash(text) };
}
