import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/portal-link";
import { AuditTable } from "@/components/audit/audit-table";
import { ServiceTable } from "@/components/services/service-table";
import { MemberManager } from "@/components/teams/member-manager";
import { TokenManager } from "@/components/teams/token-manager";
import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { getDb } from "@/lib/platform/db/database";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { readerActor } from "@/lib/auth/reader-actor";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { getTeam } from "@/lib/teams/get-team";
import { listMembers } from "@/lib/teams/list-members";
import { listTokens } from "@/lib/tokens/list-tokens";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";
import { WebhookManager } from "@/components/teams/webhook-manager";
import { WaiverManager } from "@/components/approvals/waiver-manager";
import { listWaivers } from "@/lib/approvals/manage-waivers";

type Params = Promise<{ slug: string }>;

/** One load per request, shared by the metadata and the page. */
const loadTeam = cache(async (slug: string) => getTeam(await getDb(), slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const team = await loadTeam(slug).catch(() => null);
  return { title: team?.name ?? "Team" };
}

export default async function TeamPage({ params }: { params: Params }) {
  const { slug } = await params;
  const actor = await readerActor(`/teams/${slug}`);
  const db = await getDb();
  const team = await orNotFound(loadTeam(slug));
  const canManage = await canActorManageTeam(db, actor, slug);
  const [members, tokens, history, webhooks, waivers] = await Promise.all([
    listMembers(db, { actor, teamSlug: slug }),
    canManage ? listTokens(db, slug) : Promise.resolve([]),
    canManage ? listAudit(db, auditFiltersSchema.parse({ team: slug, limit: 20 }), actor) : Promise.resolve([]),
    canManage ? listWebhooks(db, { actor, teamSlug: slug }) : Promise.resolve([]),
    canManage ? listWaivers(db, { actor, teamSlug: slug, activeOnly: true }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/teams" className="hover:underline">
          Teams
        </Link>{" "}
        / <span>{team.slug}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{team.name}</h1>
      <p className="text-slate-700 dark:text-slate-300">{team.description}</p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {team.chatChannel && (
          <div>
            <dt className="inline font-medium">Chat: </dt>
            <dd className="inline">{team.chatChannel}</dd>
          </div>
        )}
        {team.email && (
          <div>
            <dt className="inline font-medium">Email: </dt>
            <dd className="inline">
              <a href={`mailto:${team.email}`} className="text-teal-700 hover:underline dark:text-teal-400">
                {team.email}
              </a>
            </dd>
          </div>
        )}
        {team.onCallUrl && (
          <div>
            <dt className="inline font-medium">On call: </dt>
            <dd className="inline">
              <a href={team.onCallUrl} rel="noopener noreferrer" className="text-teal-700 hover:underline dark:text-teal-400">
                Page the on-call engineer
              </a>
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="services" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="services" className="text-lg font-semibold">
            Services ({team.services.length})
          </h2>
          <Link href={`/teams/${slug}/graph`} className="text-sm text-teal-700 hover:underline dark:text-teal-400">
            Dependency graph
          </Link>
        </div>
        {team.services.length ? (
          <ServiceTable services={team.services} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">This team owns no services yet.</p>
        )}
      </section>
      <section aria-labelledby="members" className="space-y-2">
        <h2 id="members" className="text-lg font-semibold">
          Members ({members.length})
        </h2>
        <MemberManager teamSlug={slug} members={members} canManage={canManage} />
      </section>
      {canManage && (
        <>
          <section aria-labelledby="tokens" className="space-y-2">
            <h2 id="tokens" className="text-lg font-semibold">
              API tokens
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              For automation, such as publishing API descriptions from CI: send <code>Authorization: Bearer &lt;token&gt;</code>.
            </p>
            <TokenManager teamSlug={slug} tokens={tokens} services={team.services.map((service) => service.slug)} />
          </section>
          <section aria-labelledby="webhooks" className="space-y-2">
            <h2 id="webhooks" className="text-lg font-semibold">
              Webhooks
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Tell an endpoint, or a chat channel, when the team&apos;s services change: signed per Standard Webhooks, retried with backoff.
            </p>
            <WebhookManager teamSlug={slug} webhooks={webhooks} services={team.services.map((service) => service.slug)} />
          </section>
          <section aria-labelledby="waivers" className="space-y-2">
            <h2 id="waivers" className="text-lg font-semibold">
              Waived rules
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Silence a breaking-change rule for the operations of the team&apos;s services whose path matches a pattern (<code>*</code> within a segment,{" "}
              <code>**</code> across), until a date: a legacy API under migration. <code>wayfinder check</code> and publishing under <code>block</code> treat
              the changes it covers as approved.
            </p>
            <WaiverManager teamSlug={slug} waivers={waivers} />
          </section>
          <section aria-labelledby="team-history" className="space-y-2">
            <h2 id="team-history" className="text-lg font-semibold">
              History
            </h2>
            <AuditTable entries={history} />
          </section>
        </>
      )}
    </div>
  );
}
