import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Docs" };

export default function DocsPage() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-semibold">Docs</h1>
      <p className="text-slate-700 dark:text-slate-300">
        The house pattern library, Architecture Decision Records and the onboarding guide will live here, written as MDX under <code>content/</code>.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        Until then, every service&apos;s API reference is in the <Link href="/services" className="text-teal-700 underline dark:text-teal-400">catalogue</Link>.
      </p>
    </div>
  );
}
