import Link from "@/components/portal-link";
import type { ReactNode } from "react";
import { DocsNavLink } from "@/components/docs/docs-nav-link";
import { inputClass } from "@/components/forms/field";
import { Disclosure } from "@/components/ui/disclosure";
import { listEntries } from "@/lib/content/content-store";
import { readerActor } from "@/lib/auth/reader-actor";

/** The Docs section: a sidebar generated from content/, with search, beside each page. */
export default async function DocsLayout({ children }: { children: ReactNode }) {
  await readerActor("/docs");
  const sections = [
    {
      title: "Patterns",
      href: "/docs/patterns",
      items: listEntries("patterns").map((entry) => ({ href: `/docs/patterns/${entry.slug}`, label: entry.frontmatter.title })),
    },
    {
      title: "Decisions",
      href: "/docs/adr",
      items: listEntries("adr").map((entry) => ({
        href: `/docs/adr/${entry.slug}`,
        label: `${String(entry.frontmatter.number).padStart(4, "0")} ${entry.frontmatter.title}`,
      })),
    },
    {
      title: "Onboarding",
      href: "/docs/onboarding",
      items: listEntries("onboarding").map((entry) => ({
        href: `/docs/onboarding#${entry.slug}`,
        label: `${entry.frontmatter.step}. ${entry.frontmatter.title}`,
      })),
    },
    { title: "Guides", href: "/docs", items: listEntries("guides").map((entry) => ({ href: `/docs/guides/${entry.slug}`, label: entry.frontmatter.title })) },
  ];
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside className="space-y-4 text-sm">
        <form action="/docs/search" role="search" aria-label="Search the docs">
          <input type="search" name="q" aria-label="Search the docs" placeholder="Search the docs" className={inputClass} />
        </form>
        <Disclosure
          label="Docs contents"
          buttonClassName="w-full rounded-md border border-slate-300 px-3 py-1.5 text-left text-sm text-slate-700 lg:hidden dark:border-slate-600 dark:text-slate-200"
          panelDisplay="block"
          panelClassName="lg:block"
        >
          <nav aria-label="Docs" className="space-y-4">
            {sections.map((section) => (
              <div key={section.title}>
                <Link href={section.href} className="font-semibold text-slate-900 hover:underline dark:text-white">
                  {section.title}
                </Link>
                <ul className="mt-1 space-y-0.5 border-l border-slate-200 pl-3 dark:border-slate-800">
                  {section.items.map((item) => (
                    <li key={item.href}>
                      <DocsNavLink href={item.href}>{item.label}</DocsNavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
        </Disclosure>
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
