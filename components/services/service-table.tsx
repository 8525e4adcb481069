import Link from "next/link";
import type { ServiceSummary } from "@/lib/services/service-summary";
import { FormatBadge } from "./format-badge";
import { LifecycleBadge } from "./lifecycle-badge";

/** Services as a table: name and description, primary owner, lifecycle, latest version and operations. */
export function ServiceTable({ services }: { services: ServiceSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Service
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Owner
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Lifecycle
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Latest version
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Operations
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {services.map((service) => (
            <tr key={service.slug} data-testid="service-row" className="align-top">
              <td className="px-4 py-3">
                <Link href={`/services/${service.slug}`} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
                  {service.name}
                </Link>
                <p className="mt-0.5 line-clamp-2 max-w-xl text-slate-600 dark:text-slate-400">{service.description}</p>
                {service.tags.length > 0 && (
                  <p className="mt-1 flex flex-wrap gap-1 text-xs text-slate-500">
                    {service.tags.map((tag) => (
                      <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
                        {tag}
                      </span>
                    ))}
                  </p>
                )}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {service.primaryOwner ? (
                  <Link href={`/teams/${service.primaryOwner.slug}`} className="hover:underline">
                    {service.primaryOwner.name}
                  </Link>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </td>
              <td className="px-4 py-3">
                <LifecycleBadge lifecycle={service.lifecycle} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {service.latestVersion ? (
                  <span className="flex items-center gap-2">
                    <span className="font-mono">{service.latestVersion.version}</span>
                    <FormatBadge format={service.latestVersion.format} />
                  </span>
                ) : (
                  <span className="text-slate-400">no API yet</span>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{service.latestVersion?.operationCount ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
