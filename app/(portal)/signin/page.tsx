import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInOptions } from "@/components/auth/sign-in-options";
import { authSettings } from "@/lib/auth/auth-settings";
import { publicUrl } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Only same-site paths may be returned to after sign-in (no open redirect). */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  // Sign-in at another address of this machine (127.0.0.1 for localhost) would end signed out: the
  // callback and its cookie belong to the public address. Go there first; the page there says why.
  const host = (await headers()).get("host");
  const canonical = publicUrl();
  if (host && host !== canonical.host) {
    const target = new URL("/signin", canonical);
    for (const [key, value] of Object.entries(query)) if (typeof value === "string" && key !== "from") target.searchParams.set(key, value);
    target.searchParams.set("from", host);
    redirect(target.href);
  }
  const settings = authSettings();
  const providers = [...(settings.oidc ? [{ id: "oidc", name: settings.oidc.name }] : []), ...(settings.github ? [{ id: "github", name: "GitHub" }] : [])];
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <h1 className="text-2xl font-semibold">Sign in to Wayfinder</h1>
      {typeof query.from === "string" && query.from && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          You opened the portal at {query.from}; sign-in works at its configured address, so you are now at {publicUrl().host}. Bookmark this one.
        </p>
      )}
      {query.error && (
        <p role="alert" className="text-sm text-red-700">
          Sign-in failed ({String(query.error)}). Try again.
        </p>
      )}
      <SignInOptions providers={providers} local={settings.localSignIn} callbackUrl={safeCallback(query.callbackUrl)} />
    </div>
  );
}
