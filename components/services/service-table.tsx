import Link from "next/link";
import type { ServiceSummary } from "@/lib/services/service-summary";
import { FormatBadge } from "./format-badge";
import { LifecycleBadge } from "./lifecycle-badge";
import { LevelBadge } from "@/components/scorecards/level-badge";
import { levelNames } from "@/lib/scorecards/scorecard-config";

/**
 * Services as a table: name and description, primary owner, lifecycle, scorecard level, latest version
 * and operations.
 * Cells use the short classes in app/globals.css (`.catalogue`): 50 rows repeat them twice, in the
 * HTML and in the React Server Components payload.
 */
export function ServiceTable({ services }: { services: ServiceSummary[] }) {
  const levels = levelNames();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="catalogue w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
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
              Level
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
              <td>
                <Link href={`/services/${service.slug}`} className="name">
                  {service.name}
                </Link>
                <p className="desc">{service.description}</p>
                {service.tags.length > 0 && (
                  <p className="tags">
                    {service.tags.map((tag) => (
                      <span key={tag}>{tag}</span>
                    ))}
                  </p>
                )}
              </td>
              <td className="whitespace-nowrap">
                {service.primaryOwner ? (
                  <Link href={`/teams/${service.primaryOwner.slug}`} className="hover:underline">
                    {service.primaryOwner.name}
                  </Link>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </td>
              <td>
                <LifecycleBadge lifecycle={service.lifecycle} />
              </td>
              <td>{service.level ? <LevelBadge level={service.level} rank={levels.indexOf(service.level) + 1} /> : null}</td>
              <td className="whitespace-nowrap">
                {service.latestVersion ? (
                  <span className="flex items-center gap-2">
                    <span className="font-mono">{service.latestVersion.version}</span>
                    <FormatBadge format={service.latestVersion.format} />
                  </span>
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">no API yet</span>
                )}
              </td>
              <td className="text-right tabular-nums">{service.latestVersion?.operationCount ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
