import Link from "next/link";
import { UserMenu } from "./auth/user-menu";
import { CommandPalette } from "./search/command-palette";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";
import { Disclosure } from "./ui/disclosure";
import { sessionActor } from "@/lib/auth";

/**
 * The header: one row from 768 px up; below that the navigation, search, account and theme fold
 * behind a Menu button, so a phone keeps all of them without scrolling sideways.
 */
export async function SiteHeader() {
  const actor = await sessionActor().catch(() => null);
  const user = actor?.kind === "user" ? { name: actor.name, isAdmin: actor.isAdmin } : null;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex min-h-6 items-center gap-2 font-semibold text-slate-900 dark:text-white">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-teal-600 text-center text-sm leading-6 text-white">
            W
          </span>
          Wayfinder
        </Link>
        <Disclosure
          label="Menu"
          buttonClassName="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 md:hidden dark:border-slate-600 dark:text-slate-200"
          panelDisplay="flex"
          panelClassName="w-full flex-col gap-3 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:pb-0"
        >
          <nav aria-label="Main" className="flex flex-col gap-1 text-sm md:flex-row">
            <NavLink href="/services">Catalogue</NavLink>
            <NavLink href="/changes">Changes</NavLink>
            <NavLink href="/docs">Docs</NavLink>
            <NavLink href="/teams">Teams</NavLink>
            <NavLink href="/create">Create</NavLink>
            <NavLink href="/scorecards">Scorecards</NavLink>
            <NavLink href="/insights">Insights</NavLink>
            {user?.isAdmin && <NavLink href="/admin/audit">Audit log</NavLink>}
            {user?.isAdmin && <NavLink href="/import">Import</NavLink>}
          </nav>
          <div className="flex flex-wrap items-center gap-3 md:ml-auto">
            <CommandPalette />
            <UserMenu user={user} />
            <ThemeToggle />
          </div>
        </Disclosure>
      </div>
    </header>
  );
}
