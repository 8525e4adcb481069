import "server-only";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";
import type { Db } from "@/lib/platform/db/types";
import { loadStoredDocument } from "@/lib/versions/load-stored-document";
import { checkServers } from "./check-servers";
import { trySettings } from "./try-settings";

/**
 * Try it out's settings for one version's docs: where the mock and proxy are, and whether the mock is
 * the default. It parses the document into the per-process cache, where a large document's operation
 * slices are then cut from.
 */
export async function tryConfigFor(db: Db, input: { serviceSlug: string; version: string; revision: number }): Promise<TryConfig> {
  const { document } = await loadStoredDocument(db, input);
  const servers = await checkServers(document, trySettings());
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
