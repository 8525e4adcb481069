import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const cache = new Map<string, { mtimeMs: number; text: string }>();

/**
 * A file of the company's governance folder (the lint ruleset, the scorecard levels) as it is now,
 * read again only when it changed: the background looks and the catalogue ask for them constantly.
 */
export function readGovernanceFile(relativePath: string): string {
  const file = path.join(process.cwd(), relativePath);
  const { mtimeMs } = statSync(file);
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.text;
  const text = readFileSync(file, "utf8");
  cache.set(file, { mtimeMs, text });
  return text;
}
