import "server-only";
import type { TryConfig } from "@/components/api-reference/try-config";
import type { Db } from "@/lib/db/types";
import { getVersionDocument } from "@/lib/versions/get-version-document";
import { checkServers } from "./check-servers";
import { trySettings } from "./try-settings";

/** Try it out's settings for one version's docs: where the mock and proxy are, and whether the mock is the default. */
export async function tryConfigFor(db: Db, input: { serviceSlug: string; version: string; revision: number }): Promise<TryConfig> {
  const stored = await getVersionDocument(db, input);
  const servers = await checkServers(JSON.parse(stored.json) as Record<string, unknown>, trySettings());
  const base = `${encodeURIComponent(input.serviceSlug)}/${encodeURIComponent(input.version)}`;
  return {
    slug: input.serviceSlug,
    version: input.version,
    mockPath: `/mock/${base}`,
    proxyPath: `/api/try/${base}`,
    preferMock: !servers.some((server) => server.reachable),
    servers,
  };
}
