"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { apiRequest, applyServerErrors } from "@/components/forms/api-client";
import { buttonClass, Field, FormError, inputClass } from "@/components/forms/field";
import { slugify } from "@/lib/slug";
import { teamInputSchema } from "@/lib/teams/team-input";

type Values = z.input<typeof teamInputSchema>;
const FIELDS = ["slug", "name", "description", "chatChannel", "email", "onCallUrl"] as const;
const emptyToNull = (value: unknown) => (value === "" ? null : value);

/** Creates a team; the creator becomes its first maintainer. */
export function TeamForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(teamInputSchema),
    defaultValues: { slug: "", name: "", description: "", chatChannel: null, email: null, onCallUrl: null },
  });
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (values: Values) => apiRequest<{ slug: string }>("POST", "/api/v1/teams", values),
    onSuccess: (team) => {
      router.push(`/teams/${team.slug}`);
      router.refresh();
    },
    onError: (error) => setFormError(applyServerErrors(error, form.setError, FIELDS)),
  });
  return (
    <form noValidate aria-label="Create a team" className="max-w-xl space-y-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <Field id="team-name" label="Name" error={errors.name?.message}>
        <input
          id="team-name"
          className={inputClass}
          {...form.register("name", { onChange: (event: { target: { value: string } }) => !slugEdited && form.setValue("slug", slugify(event.target.value)) })}
        />
      </Field>
      <Field id="team-slug" label="Slug" hint="The team's address: /teams/<slug>." error={errors.slug?.message}>
        <input id="team-slug" className={`${inputClass} font-mono`} {...form.register("slug", { onChange: () => setSlugEdited(true) })} />
      </Field>
      <Field id="team-description" label="Description" error={errors.description?.message}>
        <textarea id="team-description" rows={2} className={inputClass} {...form.register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="team-chat" label="Chat channel" error={errors.chatChannel?.message}>
          <input id="team-chat" className={inputClass} placeholder="#team-payments" {...form.register("chatChannel", { setValueAs: emptyToNull })} />
        </Field>
        <Field id="team-email" label="Email" error={errors.email?.message}>
          <input id="team-email" type="email" className={inputClass} {...form.register("email", { setValueAs: emptyToNull })} />
        </Field>
      </div>
      <Field
        id="team-on-call"
        label="On-call link"
        hint="Where to page whoever is on call: a PagerDuty or Opsgenie schedule, a rota page."
        error={errors.onCallUrl?.message}
      >
        <input id="team-on-call" type="url" className={inputClass} placeholder="https://" {...form.register("onCallUrl", { setValueAs: emptyToNull })} />
      </Field>
      <FormError message={formError} />
      <button type="submit" className={buttonClass} disabled={create.isPending}>
        Create team
      </button>
    </form>
  );
}
