import Link from "@/components/portal-link";
import { LifecycleBadge } from "@/components/services/lifecycle-badge";
import { getDb } from "@/lib/platform/db/database";
import { findOperation } from "@/lib/services/find-operation";
import { getService } from "@/lib/services/get-service";

/** `<Service slug="…"/>` in MDX: the live catalogue entry (its owner, lifecycle and version now). */
export async function ServiceRef({ slug }: { slug: string }) {
  const service = await getService(await getDb(), slug).catch(() => null);
  if (!service) return <span className="text-red-700">[service {slug} is not in this catalogue]</span>;
  const owner = service.owners.find((entry) => entry.isPrimary);
  const current = service.versions.find((version) => version.isCurrent);
  return (
    <span
      data-testid="service-ref"
      className="inline-flex flex-wrap items-center gap-1 rounded border border-slate-200 px-1.5 py-0.5 align-middle text-sm dark:border-slate-700"
    >
      <Link href={`/services/${slug}`} className="font-medium text-teal-700 no-underline hover:underline dark:text-teal-400">
        {service.name}
      </Link>
      <LifecycleBadge lifecycle={service.lifecycle} />
      {owner && <span className="text-xs text-slate-600 dark:text-slate-400">{owner.name}</span>}
      {current && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{current.version}</span>}
    </span>
  );
}

/** `<Operation service="…" operationId="…"/>` in MDX: method, path and summary, linking to its docs. */
export async function OperationRef({ service, operationId }: { service: string; operationId: string }) {
  const operation = await findOperation(await getDb(), { serviceSlug: service, operationId });
  if (!operation)
    return (
      <span className="text-red-700">
        [operation {service}/{operationId} is not in this catalogue]
      </span>
    );
  const anchor = `#/${encodeURIComponent(operation.tags[0] ?? "default")}/${encodeURIComponent(operationId)}`;
  return (
    <Link
      data-testid="operation-ref"
      href={`/services/${service}${anchor}`}
      className="inline-flex items-center gap-1 rounded border border-slate-200 px-1.5 py-0.5 align-middle font-mono text-xs no-underline dark:border-slate-700"
    >
      <span className="font-bold text-teal-700 uppercase dark:text-teal-400">{operation.method}</span>
      <span>{operation.path}</span>
      {operation.summary && <span className="font-sans text-slate-600 dark:text-slate-400">· {operation.summary}</span>}
    </Link>
  );
}
