/** How much a change can hurt existing clients. */
export type Level = "breaking" | "warning" | "info";

/** The levels, worst first: the order every list of changes is shown in. */
export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];
export const byLevel = (a: { level: Level }, b: { level: Level }) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level);

/** One classified difference between two API descriptions. */
export interface Change {
  /** Stable kebab-case rule id, e.g. `request-parameter-became-required` (see rules.ts). */
  id: string;
  level: Level;
  /** The operation it touches, as `METHOD /path` in the revision's spelling (the base's when removed). */
  operation?: string;
  /**
   * The component it touches when it is not one operation's: a security scheme, a webhook, or a schema
   * shared through `$ref` (then reported once, with every operation that reaches it in `operations`).
   */
  component?: string;
  operations?: string[];
  /** Where it is in each document, as JSON pointers. */
  pointer: { base?: string; revision?: string };
  before?: unknown;
  after?: unknown;
  message: string;
}

export interface DiffSummary {
  breaking: number;
  warning: number;
  info: number;
}

export interface DiffResult {
  changes: Change[];
  summary: DiffSummary;
}
