import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/portal-link";
import { ChangeList, ChangeSummary } from "@/components/changes/change-list";
import { ImpactSummary } from "@/components/changes/consumer-impact";
import { tallyConsumers } from "@/lib/diff/tally-consumers";
import { inputClass } from "@/components/forms/field";
import { diffEventVersions } from "@/lib/changes/diff-event-versions";
import { diffServiceVersions } from "@/lib/changes/diff-service-versions";
import { listEventVersions } from "@/lib/versions/list-event-versions";
import { getDb } from "@/lib/platform/db/database";
import { callerKey } from "@/lib/auth/caller-key";
import { PEER_HEADER } from "@/lib/platform/http/client-address";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { readerActor } from "@/lib/auth/reader-actor";
import { getService } from "@/lib/services/get-service";

export const metadata: Metadata = { title: "Compare versions" };

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Any two versions or revisions of a service, compared; the choice is in the URL. */
export default async function DiffPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await readerActor(`/services/${slug}/diff`);
  const db = await getDb();
  const service = await orNotFound(getService(db, slug));
  const eventVersions = await listEventVersions(db, slug);
  // ?contract=event compares versions of the event API; the HTTP API's otherwise.
  const contract = first(query.contract) === "event" ? "event" : "http";
  const key = (version: { version: string; revision: number }) => `${version.version}@${version.revision}`;
  const options = (contract === "event" ? eventVersions : service.versions).map((version) => ({
    value: key(version),
    label: `${version.version} (revision ${version.revision})`,
    version,
  }));
  // ?from=1.0.0&fromRevision=1&to=…, or the two newest versions by default.
  const pick = (name: "from" | "to", fallback: (typeof options)[number] | undefined) => {
    // The form sends `fromKey=1.0.0@1`; links send `from=1.0.0&fromRevision=1`.
    const chosenKey = first(query[`${name}Key`]);
    if (chosenKey) return options.find((option) => option.value === chosenKey);
    const version = first(query[name]);
    const revision = Number(first(query[`${name}Revision`]));
    const found =
      options.find((option) => option.version.version === version && (!revision || option.version.revision === revision)) ?? (version ? undefined : fallback);
    return found;
  };
  const to = pick("to", options[0]);
  const from = pick("from", options[1]);
  const caller = callerKey(actor, (await headers()).get(PEER_HEADER));
  const compare = contract === "event" ? diffEventVersions : diffServiceVersions;
  const result = from && to ? await compare(db, { actor, slug, from: from.version, to: to.version, caller }) : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/services/${slug}`} className="hover:underline">
          {service.name}
        </Link>{" "}
        /{" "}
        <Link href={`/services/${slug}/changes`} className="hover:underline">
          changelog
        </Link>{" "}
        / compare
      </nav>
      <h1 className="text-2xl font-semibold">
        Compare versions of {service.name}
        {contract === "event" ? "’s event API" : ""}
      </h1>
      {eventVersions.length > 0 && (
        <nav aria-label="Contract" className="flex gap-2 text-sm">
          {(["http", "event"] as const).map((kind) => (
            <Link
              key={kind}
              href={`/services/${slug}/diff${kind === "event" ? "?contract=event" : ""}`}
              aria-current={contract === kind ? "page" : undefined}
              className={`rounded-md px-2 py-1 ${contract === kind ? "bg-teal-700 text-white" : "text-teal-800 hover:underline dark:text-teal-300"}`}
            >
              {kind === "event" ? "Event API (AsyncAPI)" : "HTTP API"}
            </Link>
          ))}
        </nav>
      )}
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Versions to compare">
        {contract === "event" && <input type="hidden" name="contract" value="event" />}
        {(["from", "to"] as const).map((name) => {
          const chosen = name === "from" ? from : to;
          return (
            <label key={name} className="text-sm">
              {name === "from" ? "From" : "To"}
              <select name={`${name}Key`} defaultValue={chosen?.value} className={`${inputClass} w-56`}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
          Compare
        </button>
      </form>
      {!result && <p>{options.length < 2 ? "This service has fewer than two versions to compare." : "No such version: choose two above."}</p>}
      {result && (
        <section aria-labelledby="result" className="space-y-3">
          <h2 id="result" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            {result.from.version} (revision {result.from.revision}) → {result.to.version} (revision {result.to.revision}){" "}
            <ChangeSummary summary={result.summary} />
          </h2>
          <ImpactSummary tally={tallyConsumers(result.changes)} />
          <ChangeList changes={result.changes} />
        </section>
      )}
    </div>
  );
}
