import { authSettings } from "@/lib/auth/auth-settings";
import { markdownRewrite } from "@/lib/machine-docs/markdown-rewrite";
import { getDb } from "@/lib/platform/db/database";
import { databaseDown } from "@/lib/platform/db/database-probe";
import { databaseWritePosition } from "@/lib/platform/db/write-position";
import { slugSchema } from "@/lib/slug";
import { catalogueFingerprint } from "@/lib/services/catalogue-cache";

/**
 * A service page counts some of what it shows over windows of days (calls seen in the last 90, time to
 * a first call over 30, a sunset "in 3 days"): a kept render is used for a minute at most, so those
 * windows move on as they would in a fresh one.
 */
const SERVICE_PAGE_STEP_MS = 60_000;

/** The route, as Next.js names it (under which /metrics counts its answers), of a page readers not signed in share; null for any other. */
function sharedRoute(url: URL): "/services" | "/services/[slug]" | null {
  if (url.pathname === "/services") return "/services";
  const slug = /^\/services\/([^/]+)$/.exec(url.pathname)?.[1];
  // `/services/new` is a form; `.md` and `?format=md` are the page's Markdown, not the page.
  if (slug === undefined || slug === "new" || !slugSchema.safeParse(slug).success || markdownRewrite(url) !== null) return null;
  return "/services/[slug]";
}

/**
 * Which pages every reader not signed in is shown alike, their route, and the state of what they show now; null
 * for any other page. scripts/page-cache.mjs keeps such a page's render per address and answers from
 * it while the state holds.
 * - The catalogue's list: its rows and filters are read through cachedCatalogueRead (the same
 *   fingerprint), and its header, for a reader not signed in, reads nothing.
 * - A service's page: it reads from a dozen tables (versions, house rules, conformance, consumers,
 *   history, scorecards, try-it events), and any change to any of them moves the database's write
 *   position, so the state is that position (and the minute, for what is counted over a window of time).
 */
export async function sharedPageState(url: URL): Promise<{ route: string; state: string } | null> {
  const route = sharedRoute(url);
  // With sign-in required, a reader not signed in is sent to sign in: nothing to share.
  if (route === null || authSettings().requireSignIn) return null;
  // With the database away, proxy.ts answers the page at once with a 503: no query to wait on first.
  if (await databaseDown()) return null;
  const db = await getDb();
  if (route === "/services") return { route, state: `catalogue ${await catalogueFingerprint(db)}` };
  return { route, state: `database ${await databaseWritePosition(db)} ${Math.floor(Date.now() / SERVICE_PAGE_STEP_MS)}` };
}
