"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { apiRequest, applyServerErrors } from "@/components/forms/api-client";
import { buttonClass, Field, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { serviceInputSchema } from "@/lib/services/service-input";
import { slugify } from "@/lib/slug";

type CreateValues = z.input<typeof serviceInputSchema>;

export interface TeamChoice {
  slug: string;
  name: string;
  /** Whether this person may assign the team as an owner (they belong to it, or are admin). */
  assignable: boolean;
}

interface ServiceFormProps {
  mode: "create" | "edit";
  teams: TeamChoice[];
  initial?: Partial<CreateValues>;
}

const LIFECYCLES = ["experimental", "production", "deprecated", "retired"] as const;
const LINK_KINDS = ["runbook", "dashboard", "docs", "chat", "other"] as const;
const FIELDS = [
  "slug",
  "name",
  "description",
  "lifecycle",
  "tier",
  "breakingChangePolicy",
  "sunsetDate",
  "tags",
  "repositoryUrl",
  "links",
  "primaryOwner",
  "otherOwners",
  "owners",
  "documentUrl",
] as const;

const toTags = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(",")
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean)
    : value;
const toUrl = (value: unknown) => (value === "" ? null : value);

/**
 * Registers or edits a service. The zod schema that checks the request on the server checks the form
 * here first; errors the server finds (a taken slug, a team one may not assign) land on their field.
 */
export function ServiceForm({ mode, teams, initial }: ServiceFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [slugEdited, setSlugEdited] = useState(mode === "edit");
  // Editing checks the same fields with the same rules; the slug and primary owner are carried along
  // unchanged (the server's PATCH schema does not take them, so they are stripped before sending).
  const form = useForm<CreateValues>({
    resolver: zodResolver(serviceInputSchema),
    defaultValues: {
      slug: "",
      name: "",
      description: "",
      lifecycle: "experimental",
      tier: 3,
      // The server's default too (service-input.ts): the first option would otherwise be chosen.
      breakingChangePolicy: "warn",
      tags: [],
      repositoryUrl: null,
      links: [],
      primaryOwner: teams.find((team) => team.assignable)?.slug ?? "",
      otherOwners: [],
      ...initial,
    },
  });
  const links = useFieldArray({ control: form.control, name: "links" });
  const { errors } = form.formState;
  const primaryOwner = useWatch({ control: form.control, name: "primaryOwner" });

  const save = useMutation({
    mutationFn: (values: CreateValues) => {
      if (mode === "create") return apiRequest<{ slug: string }>("POST", "/api/v1/services", values);
      const { slug, primaryOwner: _primary, documentUrl: _url, ...changes } = values;
      return apiRequest<{ slug: string }>("PATCH", `/api/v1/services/${initial?.slug ?? slug}`, changes);
    },
    onSuccess: (service) => {
      router.push(`/services/${service.slug}`);
      router.refresh();
    },
    onError: (error) => setFormError(applyServerErrors(error, form.setError, FIELDS)),
  });

  const checkSlug = async (slug: string) => {
    if (mode !== "create" || !slug) return;
    const response = await fetch(`/api/v1/services/${encodeURIComponent(slug)}`);
    if (response.ok) form.setError("slug", { message: `"${slug}" is taken by another service` });
  };

  return (
    <form
      noValidate
      aria-label={mode === "create" ? "Register a service" : "Edit the service"}
      className="max-w-2xl space-y-4"
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Field id="name" label="Name" error={errors.name?.message}>
        <input
          id="name"
          className={inputClass}
          {...form.register("name", {
            onChange: (event: { target: { value: string } }) => {
              if (!slugEdited) form.setValue("slug", slugify(event.target.value));
            },
          })}
        />
      </Field>
      {mode === "create" && (
        <Field id="slug" label="Slug" hint="The service's address: /services/<slug>. It cannot change later." error={errors.slug?.message}>
          <input
            id="slug"
            className={`${inputClass} font-mono`}
            {...form.register("slug", {
              onChange: () => setSlugEdited(true),
              onBlur: (event: { target: { value: string } }) => void checkSlug(event.target.value),
            })}
          />
        </Field>
      )}
      <Field id="description" label="Description" error={errors.description?.message}>
        <textarea id="description" rows={3} className={inputClass} {...form.register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="lifecycle" label="Lifecycle" error={errors.lifecycle?.message}>
          <select id="lifecycle" className={inputClass} {...form.register("lifecycle")}>
            {LIFECYCLES.map((lifecycle) => (
              <option key={lifecycle} value={lifecycle}>
                {lifecycle}
              </option>
            ))}
          </select>
        </Field>
        <Field id="tier" label="Tier" hint="1 is the most critical." error={errors.tier?.message}>
          <select id="tier" className={inputClass} {...form.register("tier", { valueAsNumber: true })}>
            {[1, 2, 3, 4].map((tier) => (
              <option key={tier} value={tier}>
                {tier}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="sunsetDate" label="Sunset date" hint="For a deprecated service: the day it goes away." error={errors.sunsetDate?.message}>
        <input
          id="sunsetDate"
          type="date"
          className={`${inputClass} w-48`}
          {...form.register("sunsetDate", { setValueAs: (value: unknown) => (value === "" ? null : value) })}
        />
      </Field>
      <Field
        id="breakingChangePolicy"
        label="Breaking changes"
        hint="When a published version breaks clients of the one before it: allow records it quietly (early development); warn records it, says so when publishing and tells change.breaking subscribers; block refuses it unless each change is approved or a maintainer (or the team's CI token) gives a reason; block-if-consumed refuses only changes that touch a declared or observed consumer."
        error={errors.breakingChangePolicy?.message}
      >
        <select id="breakingChangePolicy" className={inputClass} {...form.register("breakingChangePolicy")}>
          <option value="allow">allow (record them quietly)</option>
          <option value="warn">warn (flag them and tell subscribers)</option>
          <option value="block">block (a maintainer must give a reason)</option>
          <option value="block-if-consumed">block if consumed (only changes that touch a consumer)</option>
        </select>
      </Field>
      <Field id="tags" label="Tags" hint="Comma-separated, e.g. payments, public." error={errors.tags?.message ?? errors.tags?.[0]?.message}>
        <input id="tags" className={inputClass} defaultValue={(initial?.tags ?? []).join(", ")} {...form.register("tags", { setValueAs: toTags })} />
      </Field>
      <Field id="repositoryUrl" label="Repository URL" error={errors.repositoryUrl?.message}>
        <input id="repositoryUrl" type="url" className={inputClass} {...form.register("repositoryUrl", { setValueAs: toUrl })} />
      </Field>

      {mode === "create" && (
        <Field
          id="documentUrl"
          label="Document URL (optional)"
          hint="Where the OpenAPI document is served: Wayfinder fetches it now, then polls it. You can also upload or publish from CI later."
          error={errors.documentUrl?.message}
        >
          <input
            id="documentUrl"
            type="url"
            className={inputClass}
            placeholder="https://…/openapi.yaml"
            {...form.register("documentUrl", { setValueAs: toUrl })}
          />
        </Field>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Links</legend>
        {links.fields.map((link, index) => (
          <div key={link.id} className="flex items-start gap-2">
            <select aria-label={`Link ${index + 1} kind`} className={`${inputClass} w-32`} {...form.register(`links.${index}.kind`)}>
              {LINK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
            <input aria-label={`Link ${index + 1} label`} placeholder="Label" className={inputClass} {...form.register(`links.${index}.label`)} />
            <input aria-label={`Link ${index + 1} URL`} placeholder="https://…" className={inputClass} {...form.register(`links.${index}.url`)} />
            <button type="button" className={secondaryButtonClass} onClick={() => links.remove(index)}>
              Remove
            </button>
            {(errors.links?.[index]?.url || errors.links?.[index]?.label) && (
              <p role="alert" className="text-xs text-red-700">
                {errors.links[index]?.url?.message ?? errors.links[index]?.label?.message}
              </p>
            )}
          </div>
        ))}
        <button type="button" className={secondaryButtonClass} onClick={() => links.append({ kind: "runbook", label: "", url: "" })}>
          Add a link
        </button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Owning teams</legend>
        {mode === "create" && (
          <Field id="primaryOwner" label="Primary owner" error={errors.primaryOwner?.message}>
            <select id="primaryOwner" className={inputClass} {...form.register("primaryOwner")}>
              {teams
                .filter((team) => team.assignable)
                .map((team) => (
                  <option key={team.slug} value={team.slug}>
                    {team.name}
                  </option>
                ))}
            </select>
          </Field>
        )}
        <p className="text-sm">Other owners</p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {teams
            .filter((team) => team.slug !== primaryOwner)
            .map((team) => (
              <label
                key={team.slug}
                className={`flex items-center gap-1 text-sm ${team.assignable ? "" : "text-slate-400"}`}
                title={team.assignable ? undefined : "You can only add teams you belong to"}
              >
                <input
                  type="checkbox"
                  value={team.slug}
                  disabled={!team.assignable && !initial?.otherOwners?.includes(team.slug)}
                  {...form.register("otherOwners")}
                />
                {team.name}
              </label>
            ))}
        </div>
        {errors.otherOwners && (
          <p role="alert" className="text-xs text-red-700">
            {errors.otherOwners.message}
          </p>
        )}
      </fieldset>

      <FormError message={formError} />
      <button type="submit" className={buttonClass} disabled={save.isPending}>
        {mode === "create" ? "Register service" : "Save changes"}
      </button>
    </form>
  );
}
