"use client";

import Link from "@/components/portal-link";
import type { Lifecycle } from "@/generated/prisma/enums";
import type { SpecFormat } from "@/lib/openapi/spec-format";
import { LevelBadge } from "@/components/scorecards/level-badge";
import { Badge } from "@/components/ui/badge";
import { FormatBadge } from "./format-badge";
import { LifecycleBadge } from "./lifecycle-badge";

/** What a row of the catalogue shows, and nothing more: it travels to the browser as data. */
export interface ServiceRow {
  slug: string;
  name: string;
  description: string;
  tags: string[];
  owner: { slug: string; name: string } | null;
  lifecycle: Lifecycle;
  level: { name: string; rank: number } | null;
  version: { version: string; format: SpecFormat } | null;
  operations: number;
  /** The newest event API version (AsyncAPI), its channels and operations. */
  events: { version: string; asyncapi: string; channels: number; operations: number } | null;
}

/** The catalogue table drawn from its rows' data (see ServiceTable). Cells use the short classes of app/globals.css (`.catalogue`). */
export function ServiceTableView({ rows }: { rows: ServiceRow[] }) {
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
          {rows.map((service) => (
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
                {service.owner ? (
                  <Link href={`/teams/${service.owner.slug}`} className="hover:underline">
                    {service.owner.name}
                  </Link>
                ) : (
                  <span className="text-slate-400">none</span>
                )}
              </td>
              <td>
                <LifecycleBadge lifecycle={service.lifecycle} />
              </td>
              <td>{service.level ? <LevelBadge level={service.level.name} rank={service.level.rank} /> : null}</td>
              <td className="whitespace-nowrap">
                {service.version ? (
                  <span className="flex items-center gap-2">
                    <span className="font-mono">{service.version.version}</span>
                    <FormatBadge format={service.version.format} />
                  </span>
                ) : service.events ? null : (
                  <span className="text-slate-600 dark:text-slate-400">no API yet</span>
                )}
                {service.events && (
                  <span className="mt-1 flex items-center gap-2" data-testid="event-api-version">
                    <span className="font-mono">{service.events.version}</span>
                    <Badge tone="violet">AsyncAPI {service.events.asyncapi.split(".").slice(0, 2).join(".")}</Badge>
                  </span>
                )}
              </td>
              <td className="text-right tabular-nums">
                {service.version ? service.operations : null}
                {service.events && (
                  <span className="mt-1 block text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">
                    {service.events.operations} event op{service.events.operations === 1 ? "" : "s"}, {service.events.channels} channel
                    {service.events.channels === 1 ? "" : "s"}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
