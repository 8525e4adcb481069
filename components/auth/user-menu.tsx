"use client";

import { signOut } from "next-auth/react";
import Link from "@/components/portal-link";
import { clearTryCredentials } from "@/lib/try-it/proxy/try-config";

/** The signed-in person's name and a sign-out button, or a sign-in link. */
export function UserMenu({ user }: { user: { name: string; isAdmin: boolean } | null }) {
  if (!user) {
    return (
      <Link href="/signin" className="rounded-md px-3 py-1.5 text-sm text-teal-700 hover:underline dark:text-teal-400">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="signed-in-as" className="inline-block max-w-32 truncate align-middle whitespace-nowrap" title={user.name}>
        {user.name}
        {user.isAdmin && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(admin)</span>}
      </span>
      <button
        type="button"
        className="text-slate-600 hover:underline dark:text-slate-300"
        onClick={() => {
          // Credentials entered under Authorize live in this tab only until sign-out.
          clearTryCredentials();
          void signOut({ callbackUrl: "/services" });
        }}
      >
        Sign out
      </button>
    </div>
  );
}
