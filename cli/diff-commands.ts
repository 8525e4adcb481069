import { newOperations, recordSightings } from "./record-sightings";
import { diffRead } from "@/lib/diff/diff-read";
import type { DiffResult } from "@/lib/diff/diff-types";
import { formatChanges, type DiffFormat } from "@/lib/diff/format-changes";
import { parseCliEnv } from "@/lib/platform/env";
import { ingestLimitsFromEnv, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { diffEventApis } from "@/lib/asyncapi/diff-event-apis";
import { isAsyncApi } from "@/lib/asyncapi/is-async-api";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { LintFailOn } from "./lint-command";
import { versionBase } from "@/lib/versions/version-base";
import { joinedDocument, readJoinedApi } from "./read-api";
import type { DocumentForDiff } from "@/lib/openapi/read-for-diff";
import { approvalKey, coverBreaking, type ApprovalView, type Cover, type WaiverView } from "@/lib/approvals/cover-changes";
import type { Change } from "@/lib/diff/diff-types";
import { annotateImpact, type ImpactConsumer } from "@/lib/consumers/change-impact";
import type { NeighbourView } from "@/lib/consumers/list-consumers";
import { operationIdIndex } from "@/lib/consumers/operation-key";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { DIFF_EXIT } from "./exit-codes";

/** Which approval or waiver covers each approved breaking change. */
function formatCovers(covered: { change: Change; cover: Cover }[], format: DiffOptions["format"]): string {
  const line = ({ change, cover }: { change: Change; cover: Cover }) =>
    `${change.id} at ${approvalKey(change).target}: ${cover.kind} ${cover.id} by ${cover.by} ("${cover.reason}")`;
  if (format === "markdown")
    return [
      `**Approved breaking changes** (${covered.length}): they do not fail the check.`,
      "",
      ...covered.map((entry) => `- ${line(entry).replace(/\|/g, "\\|")}`),
    ].join("\n");
  return covered.map((entry) => `approved ${line(entry)}`).join("\n");
}

export interface DiffOptions {
  format: DiffFormat;
  failOn: "breaking" | "warning" | null;
  root?: string;
  /** check only: also fail on lint findings at or above this severity. */
  lintFailOn?: LintFailOn;
  ruleset?: string;
  /** Refuse (exit 2) a document its official schema finds invalid, as publishing would; by default it is compared and its problems listed. */
  strict?: boolean;
  /** diff only: the service the documents are versions of, to name the consumers each change touches (needs WAYFINDER_URL). */
  service?: string;
}

/** The exit code for `--fail-on`; `approved` breaking changes (check only) do not count. */
function verdict(result: DiffResult, failOn: DiffOptions["failOn"], approved = 0): number {
  if (!failOn) return DIFF_EXIT.ok;
  const breaking = result.summary.breaking - approved;
  const failing = failOn === "breaking" ? breaking : breaking + result.summary.warning;
  return failing ? DIFF_EXIT.failed : DIFF_EXIT.ok;
}

/**
 * The diff of two documents with the consumers each change touches, looked up in the portal (the
 * service's declared and observed consumers; operationIds resolved against the two documents), or
 * null after saying why it could not be read.
 */
async function withConsumers(
  service: string,
  before: DocumentForDiff,
  after: DocumentForDiff,
  portal: string,
  headers: Record<string, string>,
): Promise<DiffResult | null> {
  // Every consumer, a page of 500 at a time.
  const items: NeighbourView[] = [];
  for (let page = 1; ; page += 1) {
    const url = new URL(`/api/v1/services/${encodeURIComponent(service)}/consumers?page=${page}&pageSize=500`, portal);
    const listed = await readPortal<{ items: NeighbourView[]; total: number }>(url, headers);
    if (!listed) return null;
    items.push(...listed.items);
    if (!listed.items.length || items.length >= listed.total) break;
  }
  const consumers: ImpactConsumer[] = items.map((item) => ({
    service: { slug: item.service.slug, name: item.service.name },
    teams: item.service.teams,
    ...(item.declared ? { declared: { versions: item.declared.versions, operations: item.declared.operations, fields: item.declared.fields } } : {}),
    observed: item.observed.map(({ operation, lastSeenAt }) => ({ operation, lastSeenAt })),
  }));
  const version = (after.document.info as { version?: unknown } | undefined)?.version;
  return annotateImpact(diffRead(before, after, { reach: true }), consumers, {
    revisionVersion: String(version ?? ""),
    operationIds: operationIdIndex([...extractOperations(before.document), ...extractOperations(after.document)]),
  });
}

/** Two event APIs compared (AsyncAPI, validated as publishing would); an event API against an HTTP one is refused by name. */
async function diffEventFiles([baseName, base]: [string, unknown], [revisionName, revision]: [string, unknown], limits: IngestLimits): Promise<DiffResult> {
  for (const [name, data] of [
    [baseName, base],
    [revisionName, revision],
  ] as const)
    if (!isAsyncApi(data))
      throw invalidDocument("An event API is compared only with an event API", [
        { message: `${name} is not an AsyncAPI document, and the other is: compare two versions of the same kind of contract` },
      ]);
  const { readAsyncApi } = await import("@/lib/asyncapi/read-asyncapi");
  return diffEventApis(await readAsyncApi(base as Record<string, unknown>, limits), await readAsyncApi(revision as Record<string, unknown>, limits));
}

/** `wayfinder diff <base> <revision> [--service <slug>]`: offline, files or URLs; consumers from the portal with --service. */
export async function diffCommand(base: string, revision: string, options: DiffOptions): Promise<number> {
  const config = parseCliEnv(process.env);
  const limits = ingestLimitsFromEnv(config);
  const [joinedBase, joinedRevision] = [await joinedDocument(base, limits, options.root), await joinedDocument(revision, limits, options.root)];
  if (isAsyncApi(joinedBase.data) || isAsyncApi(joinedRevision.data)) {
    const result = await diffEventFiles([base, joinedBase.data], [revision, joinedRevision.data], limits);
    console.log(formatChanges(result, options.format, `${base} → ${revision}`));
    return verdict(result, options.failOn);
  }
  const [before, after] = [await readJoinedApi(joinedBase, limits, options.strict), await readJoinedApi(joinedRevision, limits, options.strict)];
  let result: DiffResult | null;
  if (options.service) {
    if (!config.WAYFINDER_URL) {
      console.error("error: --service looks consumers up in the portal: set WAYFINDER_URL (e.g. https://wayfinder.example.com).");
      return DIFF_EXIT.unreadable;
    }
    result = await withConsumers(
      options.service,
      before,
      after,
      config.WAYFINDER_URL,
      config.WAYFINDER_TOKEN ? { Authorization: `Bearer ${config.WAYFINDER_TOKEN}` } : {},
    );
    if (!result) return DIFF_EXIT.unreadable;
  } else result = diffRead(before, after);
  console.log(formatChanges(result, options.format, `${base} → ${revision}`));
  return verdict(result, options.failOn);
}

/** At most this many "approve" links: a check with hundreds of breaks needs a conversation, not links. */
const MAX_APPROVAL_LINKS = 20;

/** For each breaking change nothing covers, a link to the portal's approval form with the change filled in (for its maintainers). */
function formatApprovalLinks(uncovered: Change[], changesPage: URL, format: DiffOptions["format"]): string {
  const links = uncovered.slice(0, MAX_APPROVAL_LINKS).map((change) => {
    const key = approvalKey(change);
    const url = new URL(changesPage);
    url.search = new URLSearchParams({ approveRule: key.ruleId, approveTarget: key.target, approvePointer: key.pointer }).toString();
    url.hash = "approvals";
    return { label: `${key.ruleId} at ${key.target}`, href: url.href };
  });
  const more = uncovered.length - links.length;
  if (format === "markdown")
    return [
      `**Not approved** (${uncovered.length}): a maintainer may approve each, with a reason.`,
      "",
      ...links.map((link) => `- [${link.label.replace(/[[\]|]/g, "\\$&")}](${link.href})`),
      ...(more ? [`- …and ${more} more`] : []),
    ].join("\n");
  return [...links.map((link) => `approve? ${link.label}: ${link.href}`), ...(more ? [`…and ${more} more`] : [])].join("\n");
}

/** JSON from the portal, or null after saying on stderr why it could not be read (the status, or the network's reason). */
async function readPortal<T>(url: URL, headers: Record<string, string>): Promise<T | null> {
  const response = await fetch(url, { headers }).catch((error: Error) => error);
  if (response instanceof Error || !response.ok) {
    console.error(
      `error: cannot read ${url.href}: ${response instanceof Error ? ((response.cause as Error | undefined)?.message ?? response.message) : `HTTP ${response.status}`}`,
    );
    return null;
  }
  return (await response.json()) as T;
}

/**
 * What `check` reports for either contract: the changes (approved ones covered, each other breaking
 * one with a link to approve it), the working copy's lint findings, and one exit code for CI.
 */
async function reportCheck(
  { file, service, against, result, lintTarget }: { file: string; service: string; against: string; result: DiffResult; lintTarget: Record<string, unknown> },
  { options, baseUrl, headers }: { options: DiffOptions; baseUrl: string; headers: Record<string, string> },
): Promise<number> {
  // Approved (or waived) breaking changes do not fail the check; each says what covers it.
  const listed = await readPortal<{ items: ApprovalView[]; waivers: WaiverView[] }>(
    new URL(`/api/v1/services/${encodeURIComponent(service)}/approvals`, baseUrl),
    headers,
  );
  if (!listed) return DIFF_EXIT.unreadable;
  const covers = coverBreaking(result.changes, listed.items, listed.waivers);
  // Linting (Redocly's engine, 0.7 MB of the command) is imported by `check` alone: `diff` never loads it.
  const [{ lintDocument }, { loadRuleset }, { formatLint, lintVerdict, rulesetText }] = await Promise.all([
    import("@/lib/lint/lint-document"),
    import("@/lib/lint/lint-ruleset"),
    import("./lint-command"),
  ]);
  const lint = await lintDocument(lintTarget, await loadRuleset(await rulesetText(options.ruleset)));
  const changesPage = new URL(`/services/${encodeURIComponent(service)}/changes`, baseUrl);
  if (options.format === "json")
    console.log(
      JSON.stringify({ changes: result, approved: covers.covered.map(({ change, cover }) => ({ change: approvalKey(change), cover })), lint }, null, 2),
    );
  else {
    console.log(formatChanges(result, options.format, `${service} ${against} → ${file}`, { link: changesPage.href }));
    if (covers.covered.length) console.log(`\n${formatCovers(covers.covered, options.format)}`);
    if (covers.uncovered.length) console.log(`\n${formatApprovalLinks(covers.uncovered, changesPage, options.format)}`);
    console.log(`\n${formatLint(lint, options.format, file)}`);
  }
  // One exit code for CI: breaking changes or lint findings, whichever was asked for.
  return Math.max(verdict(result, options.failOn, covers.covered.length), lintVerdict(lint, options.lintFailOn ?? null));
}

/**
 * `wayfinder check` of an AsyncAPI working copy: against the event API version publishing it would be
 * compared with (the same version's latest revision, else the highest earlier one: version-base.ts),
 * or, before the first, an empty API of the same AsyncAPI version; direction-aware.
 */
async function checkEventApi(
  file: string,
  working: Record<string, unknown>,
  service: string,
  { options, limits, baseUrl, headers }: { options: DiffOptions; limits: IngestLimits; baseUrl: string; headers: Record<string, string> },
): Promise<number> {
  const path = `/api/v1/services/${encodeURIComponent(service)}/event-versions`;
  const listed = await readPortal<{ items: { version: string; revision: number; createdAt: string }[] }>(new URL(path, baseUrl), headers);
  if (!listed) return DIFF_EXIT.unreadable;
  const info = working.info as { version?: unknown } | undefined;
  const newest = versionBase(
    listed.items.map((item) => ({ ...item, createdAt: new Date(item.createdAt) })),
    String(info?.version ?? ""),
  );
  const empty = {
    asyncapi: working.asyncapi,
    info: { title: service, version: "0" },
    channels: {},
    ...(String(working.asyncapi).startsWith("3.") ? { operations: {} } : {}),
  };
  const stored = newest
    ? await readPortal<Record<string, unknown>>(new URL(`${path}/${encodeURIComponent(newest.version)}/document?revision=${newest.revision}`, baseUrl), headers)
    : empty;
  // An error answer is not a base document: comparing against it would let any change pass.
  if (!stored) return DIFF_EXIT.unreadable;
  const result = await diffEventFiles([`${service} (served)`, stored], [file, working], limits);
  const against = newest ? `event API ${newest.version} (revision ${newest.revision})` : "(no event API published yet)";
  return reportCheck({ file, service, against, result, lintTarget: working }, { options, baseUrl, headers });
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
  const detail = await readPortal<{ versions: { version: string; revision: number; isCurrent: boolean }[] }>(
    new URL(`/api/v1/services/${encodeURIComponent(service)}`, config.WAYFINDER_URL),
    headers,
  );
  if (!detail) return DIFF_EXIT.unreadable;
  const joined = await joinedDocument(file, limits, options.root);
  if (isAsyncApi(joined.data)) return checkEventApi(file, joined.data, service, { options, limits, baseUrl: config.WAYFINDER_URL, headers });
  const served = detail.versions.find((version) => version.isCurrent) ?? detail.versions[0];
  const working = await readJoinedApi(joined, limits, options.strict);
  let base: DocumentForDiff = { document: { openapi: "3.0.3", info: { title: service, version: "0" }, paths: {} }, problems: [] };
  if (served) {
    const documentUrl = new URL(
      `/api/v1/services/${encodeURIComponent(service)}/versions/${encodeURIComponent(served.version)}/document?revision=${served.revision}`,
      config.WAYFINDER_URL,
    );
    // An error answer is not a base document: comparing against it would let any change pass.
    const stored = await readPortal<Record<string, unknown>>(documentUrl, headers);
    if (!stored) return DIFF_EXIT.unreadable;
    // What the portal serves passed its validation when it was published.
    base = { document: stored, problems: [] };
  }
  const result = await withConsumers(service, base, working, config.WAYFINDER_URL, headers);
  if (!result) return DIFF_EXIT.unreadable;
  // The working copy's new operations start their clock for time to a new endpoint (needs a token).
  await recordSightings(config.WAYFINDER_URL, config.WAYFINDER_TOKEN, service, "check", newOperations(base.document, working.document));
  const against = served ? `${served.version} (revision ${served.revision})` : "(nothing published yet)";
  return reportCheck({ file, service, against, result, lintTarget: working.document }, { options, baseUrl: config.WAYFINDER_URL, headers });
}
