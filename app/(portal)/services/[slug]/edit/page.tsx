import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { ServiceForm } from "@/components/services/service-form";
import { OwnershipActions } from "@/components/services/ownership-actions";
import { getDb } from "@/lib/platform/db/database";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { signedInActor } from "@/lib/auth/reader-actor";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getService } from "@/lib/services/get-service";
import { listTeamChoices } from "@/lib/teams/list-team-choices";
import { ServiceTokens } from "@/components/services/service-tokens";
import { listServiceTokens } from "@/lib/tokens/list-service-tokens";
import { ConsumesEditor } from "@/components/consumers/consumes-editor";
import { listNeighbours } from "@/lib/consumers/list-consumers";
import { MAX_NEIGHBOURS_PAGE } from "@/lib/consumers/neighbour-page-size";
import { listServiceChoices } from "@/lib/services/list-service-choices";

export const metadata: Metadata = { title: "Edit service" };

type Params = Promise<{ slug: string }>;

export default async function EditServicePage({ params }: { params: Params }) {
  const { slug } = await params;
  const actor = await signedInActor(`/services/${slug}/edit`);
  const db = await getDb();
  const service = await orNotFound(getService(db, slug));
  if (!(await canActorEditService(db, actor, slug))) {
    return (
      <div className="space-y-2 py-8">
        <h1 className="text-2xl font-semibold">You cannot edit {service.name}</h1>
        <p>
          Only maintainers of its owning teams and admins can.{" "}
          <Link href={`/services/${slug}`} className="text-teal-700 underline">
            Back to the service
          </Link>
        </p>
      </div>
    );
  }
  const teams = await listTeamChoices(db, actor);
  const primary = service.owners.find((owner) => owner.isPrimary)?.slug ?? null;
  // Whoever may edit the service as a person (its maintainers, admins) may see its tokens.
  const tokens = await listServiceTokens(db, { actor, slug });
  const [dependencies, services] = await Promise.all([
    listNeighbours(db, { actor, slug, side: "dependencies", pageSize: MAX_NEIGHBOURS_PAGE }),
    listServiceChoices(db),
  ]);
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/services/${slug}`} className="hover:underline">
          {service.name}
        </Link>{" "}
        / edit
      </nav>
      <h1 className="text-2xl font-semibold">Edit {service.name}</h1>
      <ServiceForm
        mode="edit"
        teams={teams}
        initial={{
          slug: service.slug,
          name: service.name,
          description: service.description,
          lifecycle: service.lifecycle,
          tier: service.tier,
          breakingChangePolicy: service.breakingChangePolicy,
          sunsetDate: service.sunsetDate,
          tags: service.tags,
          repositoryUrl: service.repositoryUrl,
          links: service.links,
          primaryOwner: primary ?? "",
          otherOwners: service.owners.filter((owner) => !owner.isPrimary).map((owner) => owner.slug),
        }}
      />
      <OwnershipActions slug={slug} primaryOwner={primary} teams={teams} isRetired={service.lifecycle === "retired"} />
      <section aria-labelledby="consumes-heading" className="max-w-2xl space-y-2">
        <h2 id="consumes-heading" className="text-lg font-semibold">
          APIs it consumes
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each breaking change to these APIs then names {service.name} among the consumers it breaks, and its owners can hear of it. A repository can declare
          the same in <code>wayfinder.consumes.yaml</code> (<code>wayfinder consumes --file</code>).
        </p>
        <ConsumesEditor slug={slug} dependencies={dependencies.items} services={services} />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens that can act on it
        </h2>
        <ServiceTokens tokens={tokens} />
      </section>
    </div>
  );
}
