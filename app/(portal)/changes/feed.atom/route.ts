import { operations } from "@/lib/api/contract/operations";
import { atomFeed } from "@/lib/changes/atom-feed";
import { listRecentChanges } from "@/lib/changes/list-recent-changes";
import { getDb } from "@/lib/platform/db/database";
import { publicUrl } from "@/lib/platform/env";
import { apiRoute } from "@/lib/api/api-route";
import { watchedServiceIds } from "@/lib/watches/watched-services";
import { parseQuery } from "@/lib/api/define-route";

/**
 * The company-wide changes as Atom, with the page's filters (`?team=&level=`); with `?watcher=&key=`
 * (the private link /api/v1/me/watches gives), only the services that person watches.
 */
export const GET = apiRoute("/changes/feed.atom", async (request) => {
  const url = new URL(request.url);
  const filters = parseQuery(operations.listRecentChanges.query, request);
  const db = await getDb();
  const watcher = url.searchParams.get("watcher");
  const serviceIds = watcher ? await watchedServiceIds(db, { watcher, key: url.searchParams.get("key") ?? "" }) : undefined;
  const entries = await listRecentChanges(db, { ...filters, serviceIds });
  const title = `${serviceIds ? "Watched API changes" : "API changes"}${filters.team ? ` of ${filters.team}` : ""}${filters.level ? ` (${filters.level})` : ""} · Wayfinder`;
  const body = atomFeed(entries, { baseUrl: publicUrl().origin, title, selfPath: `/changes/feed.atom${url.search}` });
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-cache" } });
});
