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
  /** The first operations that reach the shared schema (at most MAX_LISTED_OPERATIONS), sorted; `operationCount` says how many in all. */
  operations?: string[];
  operationCount?: number;
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
  /** The changes, worst first: all of them, or the first MAX_CHANGES when `omitted` says how many more there were. */
  changes: Change[];
  /** Every change counted, listed or not. */
  summary: DiffSummary;
  /** Changes past MAX_CHANGES, per level, not listed (absent when none were left out). */
  omitted?: DiffSummary;
  /**
   * What the official schema of each document's format finds wrong with it, listed once (absent when
   * both are valid). Reading is lenient: an invalid document is still compared.
   */
  validity?: ValidityProblem[];
}

export interface ValidityProblem {
  document: "base" | "revision";
  pointer?: string;
  message: string;
}

/**
 * A diff's size is bounded whatever the documents: one enum of 4,000 values shared by 1,000 operations
 * and changed entirely gave 8,000 changes each naming 1,000 operations (97 MB from 348 KB of documents).
 * Operations reaching a shared schema are listed up to MAX_LISTED_OPERATIONS (with their count), and
 * a diff lists at most MAX_CHANGES changes, worst first (the summary still counts them all).
 */
export const MAX_LISTED_OPERATIONS = 10;
export const MAX_CHANGES = 1_000;
