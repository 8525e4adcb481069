import type { Metadata } from "next";
import { BackstageImportForm } from "@/components/import/backstage-import-form";
import { isAdmin } from "@/lib/auth/permissions";
import { signedInActor } from "@/lib/auth/reader-actor";

export const metadata: Metadata = { title: "Import from Backstage" };

export default async function ImportPage() {
  const actor = await signedInActor("/import");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import from Backstage</h1>
      {isAdmin(actor) ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Groups become teams; Components and APIs become services with their owner, lifecycle, tags and links; an API&apos;s inline OpenAPI definition
            becomes a version of the service that provides it. Importing again updates what changed.
          </p>
          <BackstageImportForm />
        </>
      ) : (
        <p>Importing is for admins.</p>
      )}
    </div>
  );
}
