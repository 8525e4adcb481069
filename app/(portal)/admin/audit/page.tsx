import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { inputClass, secondaryButtonClass } from "@/components/forms/field";
import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { signedInActor } from "@/lib/auth/reader-actor";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await signedInActor("/admin/audit");
  if (!isAdmin(actor)) return <p className="py-8">The portal-wide audit log is for admins.</p>;
  const query = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  const parsed = auditFiltersSchema.safeParse(query);
  const filters = parsed.success ? parsed.data : auditFiltersSchema.parse({});
  const entries = await listAudit(await getDb(), filters, actor);
  const older = entries.length === filters.limit ? entries.at(-1)?.at : undefined;
  const next = new URLSearchParams(Object.entries({ ...query, before: older }).filter((entry): entry is [string, string] => !!entry[1]));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-sm">
          Service
          <input name="service" defaultValue={filters.service} className={`${inputClass} w-48`} />
        </label>
        <label className="text-sm">
          Team
          <input name="team" defaultValue={filters.team} className={`${inputClass} w-40`} />
        </label>
        <label className="text-sm">
          Action
          <input name="action" defaultValue={filters.action} placeholder="service.update" className={`${inputClass} w-44`} />
        </label>
        <label className="text-sm">
          Actor
          <input name="actor" defaultValue={filters.actor} placeholder="email or token" className={`${inputClass} w-56`} />
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Filter
        </button>
      </form>
      <AuditTable entries={entries} showEntity />
      {older && (
        <a href={`/admin/audit?${next.toString()}`} className="text-sm text-teal-700 hover:underline">
          Older entries →
        </a>
      )}
    </div>
  );
}
