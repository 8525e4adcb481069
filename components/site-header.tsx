import Link from "@/components/portal-link";
import { UserMenu } from "./auth/user-menu";
import { CommandPalette } from "./search/command-palette";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";
import { Disclosure } from "./ui/disclosure";
import { sessionActor } from "@/lib/auth/session-actor";

/**
 * The header: one row from 1280 px up (an admin's nine links, search, account and theme fit there, each
 * link on one line); below that the navigation, search, account and theme fold behind a Menu button, so
 * a laptop's 1024 px and a phone keep all of them on one row, without wrapping or scrolling sideways.
 */
export async function SiteHeader() {
  const actor = await sessionActor().catch(() => null);
  const user = actor?.kind === "user" ? { name: actor.name, isAdmin: actor.isAdmin } : null;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex min-h-6 items-center gap-2 font-semibold text-slate-900 dark:text-white">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-teal-600 text-center text-sm leading-6 text-white">
            W
          </span>
          Wayfinder
        </Link>
        <Disclosure
          label="Menu"
          buttonClassName="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 xl:hidden dark:border-slate-600 dark:text-slate-200"
          panelDisplay="flex"
          panelClassName="w-full flex-col gap-3 pb-2 xl:flex xl:w-auto xl:flex-1 xl:flex-row xl:items-center xl:pb-0"
        >
          <nav aria-label="Main" className="flex flex-col gap-1 text-sm xl:flex-row">
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
          <div className="flex flex-wrap items-center gap-3 xl:ml-auto xl:flex-nowrap">
            <CommandPalette />
            <UserMenu user={user} />
            <ThemeToggle />
          </div>
        </Disclosure>
      </div>
    </header>
  );
}
