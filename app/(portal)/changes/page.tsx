import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { ChangeList, ChangeSummary } from "@/components/changes/change-list";
import { ImpactSummary } from "@/components/changes/consumer-impact";
import { inputClass } from "@/components/forms/field";
import { listRecentChanges } from "@/lib/changes/list-recent-changes";
import { getDb } from "@/lib/platform/db/database";
import { LEVELS, type Level } from "@/lib/diff/diff-types";
import { readerActor } from "@/lib/auth/reader-actor";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata: Metadata = { title: "API changes", alternates: { types: { "application/atom+xml": "/changes/feed.atom" } } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** What changed lately across every service, by team and level, with an Atom feed of the same. */
export default async function ChangesFeedPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  await readerActor("/changes");
  const db = await getDb();
  const teams = await listTeams(db);
  const team = teams.find((candidate) => candidate.slug === first(query.team))?.slug;
  const level = LEVELS.find((candidate) => candidate === first(query.level)) as Level | undefined;
  const entries = await listRecentChanges(db, { team, level, limit: 50 });
  const search = new URLSearchParams({ ...(team ? { team } : {}), ...(level ? { level } : {}) }).toString();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">API changes</h1>
        <a href={`/changes/feed.atom${search ? `?${search}` : ""}`} className="text-sm text-teal-800 hover:underline dark:text-teal-300">
          Atom feed of this view
        </a>
      </div>
      <form method="get" aria-label="Filter changes" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          Team
          <select name="team" defaultValue={team ?? ""} className={`${inputClass} w-56`}>
            <option value="">Every team</option>
            {teams.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Level
          <select name="level" defaultValue={level ?? ""} className={`${inputClass} w-56`}>
            <option value="">Every level</option>
            <option value="breaking">Breaking</option>
            <option value="warning">Potentially breaking</option>
            <option value="info">Info</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
          Show
        </button>
      </form>
      {entries.length === 0 && <p>No changes to show.</p>}
      <ol className="space-y-6">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-2">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h2 className="text-lg font-semibold">
                <Link href={entry.url} className="hover:underline">
                  {entry.service.name} {entry.contract === "event" ? "event API " : ""}
                  {entry.version}
                </Link>{" "}
                <span className="text-sm font-normal text-slate-600 dark:text-slate-400">revision {entry.revision}</span>
              </h2>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {entry.publishedAt.slice(0, 16).replace("T", " ")} UTC · since {entry.base.version}
              </span>
              <ChangeSummary summary={entry.summary} />
            </div>
            <ImpactSummary tally={entry.consumers} />
            <ChangeList changes={entry.changes} />
            {entry.moreChanges > 0 && (
              <Link href={`/services/${entry.service.slug}/changes`} className="text-sm text-teal-800 underline dark:text-teal-300">
                {entry.moreChanges} more in the changelog
              </Link>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
