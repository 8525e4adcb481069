import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { listEntries } from "@/lib/content/content-store";

export const metadata: Metadata = { title: "Docs" };

export default function DocsPage() {
  const patterns = listEntries("patterns");
  const adrs = listEntries("adr");
  const steps = listEntries("onboarding");
  const guides = listEntries("guides");
  const card = "block rounded-lg border border-slate-200 bg-white p-4 hover:border-teal-500 dark:border-slate-800 dark:bg-slate-900";
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Docs</h1>
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        How we build services here: the patterns to copy, the decisions behind them, and the way in for someone new. Everything on these pages is MDX in the
        repository&apos;s <code>content/</code> folder, reviewed like code.
      </p>
      <div className="grid gap-4 md:grid-cols-3">
        <Link href="/docs/patterns" className={card}>
          <h2 className="font-semibold">Pattern library</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{patterns.length} patterns with reference implementations.</p>
        </Link>
        <Link href="/docs/adr" className={card}>
          <h2 className="font-semibold">Architecture decisions</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{adrs.length} ADRs, with their status and history.</p>
        </Link>
        <Link href="/docs/onboarding" className={card}>
          <h2 className="font-semibold">Onboarding</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{steps.length} steps from day one to your first change.</p>
        </Link>
      </div>
      {guides.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">Guides</h2>
          <ul className="list-disc pl-5">
            {guides.map((guide) => (
              <li key={guide.slug}>
                <Link href={`/docs/guides/${guide.slug}`} className="text-teal-700 underline underline-offset-2 dark:text-teal-400">
                  {guide.frontmatter.title}
                </Link>{" "}
                — {guide.frontmatter.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
