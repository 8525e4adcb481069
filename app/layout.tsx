import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteHeader } from "@/components/site-header";
import { themeScript } from "@/components/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wayfinder", template: "%s · Wayfinder" },
  description: "Every service's API, owner and docs in one place.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request nonce from proxy.ts: the Content-Security-Policy runs only scripts that carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>
          {/* The first thing Tab reaches: past the header and its navigation, to the page itself. */}
          <a
            href="#main"
            className="sr-only rounded-md bg-teal-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
          >
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
