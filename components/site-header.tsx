import Link from "next/link";
import { UserMenu } from "./auth/user-menu";
import { CommandPalette } from "./search/command-palette";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";
import { sessionActor } from "@/lib/auth";

export async function SiteHeader() {
  const actor = await sessionActor().catch(() => null);
  const user = actor?.kind === "user" ? { name: actor.name, isAdmin: actor.isAdmin } : null;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900 dark:text-white">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-teal-600 text-center text-sm leading-6 text-white">
            W
          </span>
          Wayfinder
        </Link>
        <nav aria-label="Main" className="flex gap-1 text-sm">
          <NavLink href="/services">Catalogue</NavLink>
          <NavLink href="/changes">Changes</NavLink>
          <NavLink href="/docs">Docs</NavLink>
          <NavLink href="/teams">Teams</NavLink>
          <NavLink href="/insights">Insights</NavLink>
          {user?.isAdmin && <NavLink href="/admin/audit">Audit log</NavLink>}
          {user?.isAdmin && <NavLink href="/import">Import</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <CommandPalette />
          <UserMenu user={user} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
