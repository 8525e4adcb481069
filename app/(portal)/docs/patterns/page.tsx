import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { listEntries } from "@/lib/content/content-store";

export const metadata: Metadata = { title: "Pattern library" };

export default function PatternsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-semibold">Pattern library</h1>
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Each pattern names a problem, gives the rule, shows a complete implementation to copy, and the anti-pattern it replaces.
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {listEntries("patterns").map((pattern) => (
          <li key={pattern.slug} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <Link href={`/docs/patterns/${pattern.slug}`} className="font-semibold text-teal-700 hover:underline dark:text-teal-400">
              {pattern.frontmatter.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{pattern.frontmatter.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
