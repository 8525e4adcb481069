import { authSettings } from "@/lib/auth/auth-settings";
import { getDb } from "@/lib/platform/db/database";
import { databaseDown } from "@/lib/platform/db/database-probe";
import { catalogueFingerprint } from "./catalogue-cache";

/**
 * Which pages every reader not signed in is shown alike, their route, and the state of what they show now; null
 * for any other page. scripts/page-cache.mjs keeps such a page's render per address and answers from
 * it while the state holds. The catalogue's list is one: its rows and filters are read through
 * cachedCatalogueRead (the same fingerprint), and its header, for a reader not signed in, reads nothing.
 */
export async function sharedPageState(url: URL): Promise<{ route: string; state: string } | null> {
  // With sign-in required, a reader not signed in is sent to sign in: nothing to share.
  if (url.pathname !== "/services" || authSettings().requireSignIn) return null;
  // With the database away, proxy.ts answers the page at once with a 503: no query to wait on first.
  if (await databaseDown()) return null;
  // The route as Next.js names it, under which /metrics counts the page's answers.
  return { route: "/services", state: `catalogue ${await catalogueFingerprint(await getDb())}` };
}
