"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { buttonClass, Field, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";

const localSchema = z.object({ name: z.string().trim().min(1, "is required").max(100), email: z.email("must be an email address") });
type LocalValues = z.infer<typeof localSchema>;

interface SignInOptionsProps {
  providers: { id: string; name: string }[];
  local: boolean;
  callbackUrl: string;
}

/** Buttons for the configured providers, and the local development form when it is enabled. */
export function SignInOptions({ providers, local, callbackUrl }: SignInOptionsProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LocalValues>({ resolver: zodResolver(localSchema), defaultValues: { name: "", email: "" } });

  return (
    <div className="space-y-6">
      {providers.map((provider) => (
        <button key={provider.id} type="button" className={`${secondaryButtonClass} w-full`} onClick={() => void signIn(provider.id, { callbackUrl })}>
          Sign in with {provider.name}
        </button>
      ))}
      {local && (
        <form
          aria-label="Local development sign-in"
          className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40"
          onSubmit={form.handleSubmit(async (values) => {
            setError(null);
            const result = await signIn("local", { ...values, redirect: false, callbackUrl });
            if (result?.error) setError("Local sign-in was refused.");
            else window.location.assign(result?.url ?? callbackUrl);
          })}
        >
          <h2 className="font-semibold">Local development sign-in</h2>
          <p className="text-sm text-amber-900 dark:text-amber-200">
            No password: anyone who can reach this portal can sign in as anyone. For local development and demos only.
          </p>
          <Field id="local-name" label="Name" error={form.formState.errors.name?.message}>
            <input id="local-name" className={inputClass} autoComplete="name" {...form.register("name")} />
          </Field>
          <Field id="local-email" label="Email" error={form.formState.errors.email?.message}>
            <input id="local-email" type="email" className={inputClass} autoComplete="email" {...form.register("email")} />
          </Field>
          <FormError message={error} />
          <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
            Sign in
          </button>
        </form>
      )}
      {!providers.length && !local && <p>No sign-in method is configured. See the README: “Sign-in”.</p>}
    </div>
  );
}
