import Link from "@/components/portal-link";
import { redirect } from "next/navigation";
import { ServiceTable } from "@/components/services/service-table";
import { sessionActor } from "@/lib/auth/session-actor";
import { myTeamIds } from "@/lib/auth/my-team-ids";
import { getDb } from "@/lib/platform/db/database";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersSchema } from "@/lib/services/service-filters";

/** A signed-in person's home: the services of their teams. Everyone else goes to the catalogue. */
export default async function Home() {
  const actor = await sessionActor();
  if (actor.kind !== "user") redirect("/services");
  const page = await listServices(await getDb(), serviceFiltersSchema.parse({ mine: "true", includeRetired: "true", pageSize: "100" }), {
    myTeamIds: myTeamIds(actor),
  });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">My services</h1>
        <div className="flex gap-4 text-sm">
          <Link href="/services" className="text-teal-700 hover:underline dark:text-teal-400">
            The whole catalogue
          </Link>
          <Link href="/services/new" className="rounded-md bg-teal-700 px-3 py-1.5 font-medium text-white hover:bg-teal-800">
            Register a service
          </Link>
        </div>
      </div>
      {page.items.length ? (
        <ServiceTable services={page.items} />
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          Your teams own no services yet
          {Object.keys(actor.teamRoles).length ? "" : ", and you belong to no team: ask a maintainer to add you on their team page"}.
        </p>
      )}
    </div>
  );
}
