import { diffRead } from "@/lib/diff/diff-read";
import type { DiffResult } from "@/lib/diff/diff-types";
import { formatChanges, type DiffFormat } from "@/lib/diff/format-changes";
import { parseCliEnv } from "@/lib/platform/env";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { lintDocument } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";
import { formatLint, lintVerdict, rulesetText, type LintFailOn } from "./lint-command";
import { readApi } from "./read-api";
import type { DocumentForDiff } from "@/lib/openapi/read-for-diff";

/** diff and check: 0 when nothing is at or above `--fail-on` (or without it), 1 when something is, 2 when a document cannot be read. */
export const DIFF_EXIT = { ok: 0, failed: 1, unreadable: 2 } as const;

export interface DiffOptions {
  format: DiffFormat;
  failOn: "breaking" | "warning" | null;
  root?: string;
  /** check only: also fail on lint findings at or above this severity. */
  lintFailOn?: LintFailOn;
  ruleset?: string;
  /** Refuse (exit 2) a document its official schema finds invalid, as publishing would; by default it is compared and its problems listed. */
  strict?: boolean;
}

function verdict(result: DiffResult, failOn: DiffOptions["failOn"]): number {
  if (!failOn) return DIFF_EXIT.ok;
  const failing = failOn === "breaking" ? result.summary.breaking : result.summary.breaking + result.summary.warning;
  return failing ? DIFF_EXIT.failed : DIFF_EXIT.ok;
}

/** `wayfinder diff <base> <revision>`: offline, files or URLs. */
export async function diffCommand(base: string, revision: string, options: DiffOptions): Promise<number> {
  const limits = ingestLimitsFromEnv(parseCliEnv(process.env));
  const result = diffRead(await readApi(base, limits, options.root, options.strict), await readApi(revision, limits, options.root, options.strict));
  console.log(formatChanges(result, options.format, `${base} → ${revision}`));
  return verdict(result, options.failOn);
}

/** `wayfinder check --service <slug> <file>`: the working copy against the version the portal serves. */
export async function checkCommand(file: string, service: string, options: DiffOptions): Promise<number> {
  const config = parseCliEnv(process.env);
  if (!config.WAYFINDER_URL) {
    console.error("error: set WAYFINDER_URL (e.g. https://wayfinder.example.com).");
    return DIFF_EXIT.unreadable;
  }
  const limits = ingestLimitsFromEnv(config);
  const headers: Record<string, string> = config.WAYFINDER_TOKEN ? { Authorization: `Bearer ${config.WAYFINDER_TOKEN}` } : {};
  const serviceUrl = new URL(`/api/v1/services/${encodeURIComponent(service)}`, config.WAYFINDER_URL);
  const found = await fetch(serviceUrl, { headers }).catch((error: Error) => error);
  if (found instanceof Error || !found.ok) {
    console.error(
      `error: cannot read ${serviceUrl.href}: ${found instanceof Error ? ((found.cause as Error | undefined)?.message ?? found.message) : `HTTP ${found.status}`}`,
    );
    return DIFF_EXIT.unreadable;
  }
  const detail = (await found.json()) as { versions: { version: string; revision: number; isCurrent: boolean }[] };
  const served = detail.versions.find((version) => version.isCurrent) ?? detail.versions[0];
  const working = await readApi(file, limits, options.root, options.strict);
  let base: DocumentForDiff = { document: { openapi: "3.0.3", info: { title: service, version: "0" }, paths: {} }, problems: [] };
  if (served) {
    const documentUrl = new URL(
      `/api/v1/services/${encodeURIComponent(service)}/versions/${encodeURIComponent(served.version)}/document?revision=${served.revision}`,
      config.WAYFINDER_URL,
    );
    // An error answer is not a base document: comparing against it would let any change pass.
    const stored = await fetch(documentUrl, { headers }).catch((error: Error) => error);
    if (stored instanceof Error || !stored.ok) {
      console.error(
        `error: cannot read ${documentUrl.href}: ${stored instanceof Error ? ((stored.cause as Error | undefined)?.message ?? stored.message) : `HTTP ${stored.status}`}`,
      );
      return DIFF_EXIT.unreadable;
    }
    // What the portal serves passed its validation when it was published.
    base = { document: (await stored.json()) as Record<string, unknown>, problems: [] };
  }
  const result = diffRead(base, working);
  const lint = await lintDocument(JSON.stringify(working.document), await loadRuleset(await rulesetText(options.ruleset)));
  if (options.format === "json") console.log(JSON.stringify({ changes: result, lint }, null, 2));
  else {
    console.log(
      formatChanges(result, options.format, `${service} ${served ? `${served.version} (revision ${served.revision})` : "(nothing published yet)"} → ${file}`, {
        link: new URL(`/services/${encodeURIComponent(service)}/changes`, config.WAYFINDER_URL).href,
      }),
    );
    console.log(`\n${formatLint(lint, options.format, file)}`);
  }
  // One exit code for CI: breaking changes or lint findings, whichever was asked for.
  return Math.max(verdict(result, options.failOn), lintVerdict(lint, options.lintFailOn ?? null));
}
