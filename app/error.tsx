"use client";

import { useEffect, useState } from "react";

/**
 * Any page that failed. In production the error's message never reaches the browser, so the page asks
 * /api/health whether the database is the cause, and says so: that kind of failure passes by itself.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((response) => setDatabaseDown(response.status === 503))
      .catch(() => setDatabaseDown(false));
  }, []);
  return (
    <div role="alert" className="py-16 text-center">
      {databaseDown ? (
        <>
          <h1 className="text-2xl font-semibold">The portal&apos;s database is unavailable</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-400">
            Nothing is lost: the portal reconnects by itself as soon as the database is back. Try again in a moment.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-400">The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        </>
      )}
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-teal-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </div>
  );
}
