import { env } from "@/lib/platform/env";

/** What one ingestion may consume. Exceeding any gives an error naming the limit and its setting. */
export interface IngestLimits {
  /** Bytes of one document, or of all the files of a bundle together. */
  maxBytes: number;
  /** YAML alias expansions in one file (alias bombs). */
  maxYamlAliases: number;
  /** How many times larger than its text YAML aliases may make a document (past 1 MiB expanded). */
  maxYamlExpansion: number;
  /** Nesting depth of objects and arrays. */
  maxDepth: number;
  /** `$ref`s across all files. */
  maxRefs: number;
  /** Files in one bundle, or fetched for one URL source. */
  maxFiles: number;
  /** Time for all the fetches of one URL source, redirects included. */
  fetchTimeoutMs: number;
}

export const defaultIngestLimits: IngestLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxYamlAliases: 1_000,
  maxYamlExpansion: 100,
  maxDepth: 128,
  maxRefs: 50_000,
  maxFiles: 5_000,
  fetchTimeoutMs: 30_000,
};

/** The environment variable that sets each limit, for error messages and the README. */
export const limitVariables = {
  maxBytes: "WAYFINDER_MAX_DOCUMENT_BYTES",
  maxYamlAliases: "WAYFINDER_MAX_YAML_ALIASES",
  maxYamlExpansion: "WAYFINDER_MAX_YAML_EXPANSION",
  maxDepth: "WAYFINDER_MAX_DOCUMENT_DEPTH",
  maxRefs: "WAYFINDER_MAX_REFS",
  maxFiles: "WAYFINDER_MAX_BUNDLE_FILES",
  fetchTimeoutMs: "WAYFINDER_FETCH_TIMEOUT_MS",
} as const satisfies Record<keyof IngestLimits, string>;

/** Limits from the validated environment (lib/platform/env.ts), defaults where unset. */
export function ingestLimitsFromEnv(config: Partial<Record<(typeof limitVariables)[keyof IngestLimits], number>> = env()): IngestLimits {
  const limits = { ...defaultIngestLimits };
  for (const [key, variable] of Object.entries(limitVariables) as [keyof IngestLimits, (typeof limitVariables)[keyof IngestLimits]][]) {
    const value = config[variable];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
