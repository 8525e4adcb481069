import { readGovernanceFile } from "@/lib/governance/read-governance-file";

// Apart from lint-ruleset.ts (which compiles the ruleset with Redocly's engine, in the lint threads and
// the CLI): the server's background look for versions to lint needs only the text's hash.

/** Where the company's ruleset lives (see its comments). */
export const RULESET_PATH = "governance/lint.yaml";

/** The repository's ruleset as it is now. */
export const currentRulesetText = () => readGovernanceFile(RULESET_PATH);
