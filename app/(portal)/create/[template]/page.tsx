import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { notFound } from "next/navigation";
import { TemplateForm } from "@/components/templates/template-form";
import { getDb } from "@/lib/platform/db/database";
import { signedInActor } from "@/lib/auth/reader-actor";
import { portalTemplates } from "@/lib/templates/portal-templates";
import { summarizeTemplate } from "@/lib/templates/template-summary";
import { listTeamChoices } from "@/lib/teams/list-team-choices";

export const metadata: Metadata = { title: "Create a service from a template" };

export default async function CreateFromTemplatePage({ params }: { params: Promise<{ template: string }> }) {
  const { template: name } = await params;
  const source = portalTemplates().get(name);
  if (!source || source.manifest.kind !== "service") notFound();
  const actor = await signedInActor(`/create/${name}`);
  const teams = (await listTeamChoices(await getDb(), actor)).filter((team) => team.assignable);
  const template = summarizeTemplate(source);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/create" className="underline">
          Templates
        </Link>{" "}
        / {template.name}
      </p>
      <h1 className="text-2xl font-semibold">{template.title}</h1>
      <p className="max-w-2xl text-slate-600 dark:text-slate-400">{template.description}</p>
      {teams.length ? (
        <TemplateForm template={template} teams={teams} />
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          A service is owned by a team, and you do not belong to any yet. Ask a maintainer of your team to add you on its team page.
        </p>
      )}
    </div>
  );
}
