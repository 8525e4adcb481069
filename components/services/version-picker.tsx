"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { VersionView } from "@/lib/versions/version-view";
import { specFormatNames } from "@/lib/openapi/spec-format";

/** The `?version=` (and `&revision=`) of the page: the choice lives in the URL, so a reload keeps it. */
export function versionParam(version: Pick<VersionView, "version" | "revision">, latestRevision: number): string {
  const params = new URLSearchParams({ version: version.version });
  if (version.revision !== latestRevision) params.set("revision", String(version.revision));
  return params.toString();
}

export function VersionPicker({ versions, selected }: { versions: VersionView[]; selected: VersionView }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const latestRevision = (label: string) => Math.max(...versions.filter((version) => version.version === label).map((version) => version.revision));
  const key = (version: VersionView) => `${version.version}#${version.revision}`;

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">API version</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        value={key(selected)}
        onChange={(event) => {
          const next = versions.find((version) => key(version) === event.target.value);
          if (!next) return;
          const params = new URLSearchParams(searchParams);
          params.delete("revision");
          for (const [name, value] of new URLSearchParams(versionParam(next, latestRevision(next.version)))) params.set(name, value);
          router.push(`${pathname}?${params.toString()}`, { scroll: false });
        }}
      >
        {versions.map((version) => (
          <option key={key(version)} value={key(version)}>
            {version.version}
            {version.revision > 1 ? ` (revision ${version.revision})` : ""} · {specFormatNames[version.format]}
            {version.isCurrent ? " · current" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
