import path from "node:path";
import { notFound } from "@/lib/platform/errors";
import { readTemplates } from "./read-templates";
import type { TemplateSource } from "./template-manifest";

let loaded: Map<string, TemplateSource> | undefined;

/** The templates the portal offers: the repository's templates/, read once per process (they ship with a release). */
export function portalTemplates(): Map<string, TemplateSource> {
  loaded ??= readTemplates(path.join(process.cwd(), "templates"));
  return loaded;
}

/** One template by name; 404 when there is none. */
export function findTemplate(name: string): TemplateSource {
  const source = portalTemplates().get(name);
  if (!source) throw notFound(`Template "${name}"`);
  return source;
}
