"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "@/components/portal-link";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { apiError, apiRequest, applyServerErrors } from "@/components/forms/api-client";
import { buttonClass, Field, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { csrfHeaders } from "@/lib/platform/security/csrf-client";
import { defaultValues, type TemplateValues } from "@/lib/templates/parameter-schema";
import type { TemplateParameter } from "@/lib/templates/template-manifest";
import { templateServiceSchema } from "@/lib/templates/template-service-input";
import type { TemplateSummary } from "@/lib/templates/template-summary";

interface FormValues {
  team: string;
  values: TemplateValues;
}

interface Created {
  service: { slug: string; name: string };
  version: { version: string; operationCount: number };
  files: string[];
}

function ParameterField({ parameter, form, errors }: { parameter: TemplateParameter; form: ReturnType<typeof useForm<FormValues>>; errors: FieldErrors<FormValues> }) {
  const id = `parameter-${parameter.name}`;
  const error = (errors.values as Record<string, { message?: string }> | undefined)?.[parameter.name]?.message;
  const field = `values.${parameter.name}` as const;
  if (parameter.type === "boolean")
    return (
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" {...form.register(field)} />
        <label htmlFor={id} className="text-sm font-medium">
          {parameter.title}
        </label>
      </div>
    );
  return (
    <Field id={id} label={parameter.title} hint={parameter.description} error={error}>
      {parameter.enum ? (
        <select id={id} className={inputClass} {...form.register(field)}>
          {parameter.enum.map((choice) => (
            <option key={choice}>{choice}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={parameter.type === "integer" ? "number" : "text"}
          className={`${inputClass} ${parameter.name === "name" ? "font-mono" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : parameter.description ? `${id}-hint` : undefined}
          {...form.register(field, parameter.type === "integer" ? { valueAsNumber: true } : {})}
        />
      )}
    </Field>
  );
}

/** Downloads the generated project: the same values, rendered again by the server as a zip. */
async function downloadProject(template: string, values: FormValues): Promise<void> {
  const response = await fetch(`/api/v1/templates/${template}/archive`, {
    method: "POST",
    headers: { ...csrfHeaders(), "Content-Type": "application/json" },
    body: JSON.stringify(values),
  });
  if (!response.ok) throw apiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `${String(values.values.name)}.zip`;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * A form built from a template's parameters. The schema that checks it here is the one the server
 * checks the request with (templateServiceSchema), so both refuse the same values with the same words.
 */
export function TemplateForm({ template, teams }: { template: TemplateSummary; teams: { slug: string; name: string }[] }) {
  const schema = useMemo(() => templateServiceSchema(template.parameters), [template.parameters]);
  const [formError, setFormError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: { team: teams[0]?.slug ?? "", values: defaultValues(template.parameters) },
  });
  const { errors } = form.formState;
  const current = useWatch({ control: form.control }) as FormValues;

  const create = useMutation({
    mutationFn: (values: FormValues) => apiRequest<Created>("POST", `/api/v1/templates/${template.name}/services`, values),
    // Server-side errors name `values.<parameter>`, or the service's `slug` (which is the `name` value).
    onError: (error) =>
      setFormError(applyServerErrors(error, (path, value) => form.setError(path === "slug" ? "values.name" : (path as "team"), value), ["team", "values", "slug"])),
  });
  const download = useMutation({ mutationFn: (values: FormValues) => downloadProject(template.name, values), onError: (error) => setDownloadError((error as Error).message) });

  const command = `wayfinder new service --template ${template.name} ${template.parameters
    .filter((parameter) => current.values?.[parameter.name] !== parameter.default)
    .map((parameter) => `--set ${parameter.name}='${String(current.values?.[parameter.name] ?? "")}'`)
    .join(" ")} ${String(current.values?.name ?? "service")}`;

  if (create.data) {
    const created = create.data;
    return (
      <section aria-labelledby="created-heading" className="max-w-2xl space-y-3 rounded-lg border border-teal-300 p-4 dark:border-teal-800">
        <h2 id="created-heading" className="text-lg font-semibold">
          Created {created.service.name}
        </h2>
        <p className="text-sm">
          Registered in the catalogue for your team, with its contract published as version {created.version.version} ({created.version.operationCount}{" "}
          operations).
        </p>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClass} href={`/services/${created.service.slug}`}>
            Open {created.service.slug}
          </Link>
          <button type="button" className={secondaryButtonClass} disabled={download.isPending} onClick={() => download.mutate(form.getValues())}>
            {download.isPending ? "Preparing…" : "Download the project (zip)"}
          </button>
        </div>
        <FormError message={downloadError} />
        <details className="text-sm">
          <summary>{created.files.length} files</summary>
          <ul className="mt-2 font-mono text-xs">
            {created.files.map((file) => (
              <li key={file}>{file}</li>
            ))}
          </ul>
        </details>
      </section>
    );
  }

  return (
    <form
      noValidate
      aria-label={`Create a service from ${template.title}`}
      className="max-w-2xl space-y-4"
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <Field id="team" label="Owning team" hint="Only teams you may register services for." error={errors.team?.message}>
        <select id="team" className={inputClass} {...form.register("team")}>
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </Field>
      {template.parameters.map((parameter) => (
        <ParameterField key={parameter.name} parameter={parameter} form={form} errors={errors} />
      ))}
      <FormError message={formError} />
      <button type="submit" className={buttonClass} disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create the service"}
      </button>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The same from the command line, offline: <code className="break-all">{command}</code>
      </p>
    </form>
  );
}
