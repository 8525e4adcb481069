import type { SourceStatus } from "@/lib/sources/get-source";

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "never");

/** Where the service's document comes from and how the last fetch went. */
export function SourceStatusView({ source }: { source: SourceStatus }) {
  return (
    <div data-testid="source-status" className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
      <p>
        Fetched from{" "}
        <a href={source.url} rel="noopener noreferrer" className="break-all text-teal-700 hover:underline dark:text-teal-400">
          {source.url}
        </a>{" "}
        every {source.pollIntervalMinutes} min.
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        Last attempt {when(source.lastAttemptAt)} · last success {when(source.lastSuccessAt)} · serving{" "}
        {source.servedVersion ? `${source.servedVersion.version} (revision ${source.servedVersion.revision})` : "no version yet"}
      </p>
      {source.lastError ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Last error: {source.lastError}
        </p>
      ) : (
        source.failing && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            The last refresh failed; the service&apos;s maintainers can see why.
          </p>
        )
      )}
    </div>
  );
}
