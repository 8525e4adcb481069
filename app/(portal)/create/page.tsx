import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { readerActor } from "@/lib/auth/reader-actor";
import { portalTemplates } from "@/lib/templates/portal-templates";
import { summarizeTemplate, type TemplateSummary } from "@/lib/templates/template-summary";

export const metadata: Metadata = { title: "Create a service" };

function Implements({ template }: { template: TemplateSummary }) {
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      Follows{" "}
      {template.implements.patterns.map((pattern, i) => (
        <span key={pattern}>
          {i > 0 && ", "}
          <Link className="underline" href={`/docs/patterns/${pattern}`}>
            {pattern}
          </Link>
        </span>
      ))}
      {template.implements.adrs.length > 0 && " · ADRs "}
      {template.implements.adrs.map((adr, i) => (
        <span key={adr}>
          {i > 0 && ", "}
          <Link className="underline" href={`/docs/adr/${adr}`}>
            {adr.split("-")[0]}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** The templates a new service (or endpoint) starts from: readers only, like the rest of the portal. */
export default async function CreatePage() {
  await readerActor("/create");
  const templates = [...portalTemplates().values()].map(summarizeTemplate);
  const services = templates.filter((template) => template.kind === "service");
  const endpoints = templates.filter((template) => template.kind === "endpoint");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Create a service</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Start from a template that already follows the house patterns, contract first: the service is registered for your team, its openapi.yaml is published
          as version 0.1.0, and you download the project to push to a repository.
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Service templates">
        {services.map((template) => (
          <li key={template.name} className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <h2 className="text-lg font-semibold">
              <Link href={`/create/${template.name}`} className="hover:underline">
                {template.title}
              </Link>
            </h2>
            <p className="text-sm">{template.description}</p>
            <Implements template={template} />
            <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
              {template.name} · {template.language} · {template.fileCount} files
            </p>
          </li>
        ))}
      </ul>
      {endpoints.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Add an endpoint to a service</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            From the project&apos;s folder, with the{" "}
            <Link className="underline" href="/docs/onboarding/registering-a-service">
              wayfinder command
            </Link>
            : the operation goes into openapi.yaml (comments and order kept), with a handler stub and its tests.
          </p>
          <ul className="space-y-2">
            {endpoints.map((template) => (
              <li key={template.name} className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-700">
                <p className="font-medium">{template.title}</p>
                <p>{template.description}</p>
                <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
                  wayfinder new endpoint --template {template.name} --set operationId=archiveItem --set method=post --set path=/items/{"{itemId}"}/archive
                  openapi.yaml
                </pre>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
