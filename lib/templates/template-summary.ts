import type { TemplateManifest, TemplateSource } from "./template-manifest";

export type TemplateSummary = Omit<TemplateManifest, "contract" | "operation"> & { fileCount: number };

/** What the portal's list and form show of a template: its manifest and how many files it writes. */
export function summarizeTemplate({ manifest, files }: TemplateSource): TemplateSummary {
  const { contract: _contract, operation: _operation, ...shown } = manifest;
  return { ...shown, fileCount: Object.keys(files).length };
}
