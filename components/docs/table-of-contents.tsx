import type { Heading } from "@/lib/content/extract-headings";

export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <ul className="space-y-1">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? "pl-3" : ""}>
            <a href={`#${heading.id}`} className="text-slate-600 hover:text-teal-700 dark:text-slate-400 dark:hover:text-teal-400">
              {heading.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
