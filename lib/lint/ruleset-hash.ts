import { createHash } from "node:crypto";

/** Identifies a ruleset's text: a version linted under another is linted again. */
export const rulesetHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
