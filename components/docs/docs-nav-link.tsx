"use client";

import Link from "@/components/portal-link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A link of the docs sidebar, marked (for sight and for screen readers) when it is the page shown. */
export function DocsNavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  // Onboarding steps are fragments of one page: only whole pages are "the current page".
  const isCurrent = !href.includes("#") && pathname === href;
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={
        isCurrent
          ? "-ml-[13px] block border-l-2 border-teal-600 py-0.5 pl-[11px] font-medium text-teal-800 dark:border-teal-400 dark:text-teal-300"
          : "block py-0.5 text-slate-600 hover:text-teal-700 dark:text-slate-400 dark:hover:text-teal-400"
      }
    >
      {children}
    </Link>
  );
}
