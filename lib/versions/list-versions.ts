import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { publishedVersions, toVersionView, versionOrder, versionSelect, type VersionView } from "./version-view";

/** A service's versions, newest first. */
export async function listVersions(db: Db, serviceSlug: string): Promise<VersionView[]> {
  const service = await db.service.findUnique({
    where: { slug: serviceSlug },
    select: { currentVersionId: true, versions: { where: publishedVersions, select: versionSelect, orderBy: versionOrder } },
  });
  if (!service) throw notFound(`Service "${serviceSlug}"`);
  return service.versions.map((version) => toVersionView(version, service.currentVersionId));
}
