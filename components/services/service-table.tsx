import type { ServiceSummary } from "@/lib/services/service-summary";
import { levelNames } from "@/lib/scorecards/scorecard-config";
import { ServiceTableView, type ServiceRow } from "./service-table-view";

/**
 * Services as a table: name and description, primary owner, lifecycle, scorecard level, latest version
 * and operations (of the HTTP contract, and of the event API beneath). The rows are drawn by a client component from their data: a server component's rows
 * would travel twice, as HTML and again as markup in the React Server Components payload (85 KB of a
 * 133 KB catalogue page); this way the payload carries each row's data once, in a few hundred bytes.
 */
export function ServiceTable({ services }: { services: ServiceSummary[] }) {
  const levels = levelNames();
  const rows: ServiceRow[] = services.map((service) => ({
    slug: service.slug,
    name: service.name,
    description: service.description,
    tags: service.tags,
    owner: service.primaryOwner ? { slug: service.primaryOwner.slug, name: service.primaryOwner.name } : null,
    lifecycle: service.lifecycle,
    level: service.level ? { name: service.level, rank: levels.indexOf(service.level) + 1 } : null,
    version: service.latestVersion ? { version: service.latestVersion.version, format: service.latestVersion.format } : null,
    operations: service.latestVersion?.operationCount ?? 0,
    events: service.eventApi
      ? {
          version: service.eventApi.version,
          asyncapi: service.eventApi.asyncapi,
          channels: service.eventApi.channelCount,
          operations: service.eventApi.operationCount,
        }
      : null,
  }));
  return <ServiceTableView rows={rows} />;
}
