"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass } from "@/components/forms/field";

/**
 * A list the page renders on the server, with a form that adds to it and a button per item that ends
 * it: both call the API, then refresh the page; their errors show once. `field` renders a labelled
 * input bound to the form; `set` changes one value (for inputs `field` does not render).
 */
export function useManagedList<F extends Record<string, string>>(
  initial: F,
  { create, remove }: { create: (form: F) => Promise<unknown>; remove: (id: string) => Promise<unknown> },
) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setError(null);
    router.refresh();
  };
  const add = useMutation({
    mutationFn: () => create(form),
    onSuccess: () => {
      setForm(initial);
      done();
    },
    onError: (failure) => setError(failure.message),
  });
  const end = useMutation({ mutationFn: remove, onSuccess: done, onError: (failure) => setError(failure.message) });
  const field = (name: keyof F & string, label: string, props: Record<string, string | boolean> = {}) => (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <input className={inputClass} value={form[name]} onChange={(event) => setForm({ ...form, [name]: event.target.value })} {...props} />
    </label>
  );
  const set = (name: keyof F & string, value: string) => setForm((current) => ({ ...current, [name]: value }));
  return { form, error, add, end, field, set };
}
