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
  /** With the diff's `reach` option: the index in DiffResult.reach of every operation reaching the shared schema, when more than listed. */
  reach?: number;
  /**
   * The consuming services whose declared or observed operations a breaking or potentially breaking
   * change touches, when consumers were looked up (lib/consumers/change-impact.ts): an empty list says
   * none is touched.
   */
  consumers?: ChangeConsumer[];
  /** Where it is in each document, as JSON pointers. */
  pointer: { base?: string; revision?: string };
  before?: unknown;
  after?: unknown;
  message: string;
}

/** A consuming service a change touches, and how Wayfinder knows it uses what changed. */
export interface ChangeConsumer {
  service: { slug: string; name: string };
  teams: { slug: string; name: string }[];
  /** The consumer's operations the change touches (`METHOD /path`); empty when it declared the whole API. */
  operations: string[];
  /** `declared` (in the catalogue), `observed` (calls seen), or both. */
  evidence: ("declared" | "observed")[];
  /** The latest call seen, when observed. */
  lastSeenAt?: string;
}

/** Who the changes touch, when consumers were looked up. */
export interface DiffImpact {
  /** Distinct consumers touched by at least one breaking or potentially breaking change. */
  consumers: number;
  /** Consumers of the provider the lookup considered (in the revision's version range). */
  considered: number;
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
  /** Present when consumers were looked up (lib/consumers/change-impact.ts). */
  impact?: DiffImpact;
  /** Internal (the `reach` option): whole lists of operations reaching shared schemas; never in an answer. */
  reach?: string[][];
  /** Internal (the `reach` option): the revision's info.version, for consumers' version ranges; never in an answer. */
  revisionVersion?: string;
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
