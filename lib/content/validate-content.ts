import { entryUrl, type Collection } from "./collections";
import type { ContentEntry, ContentProblem } from "./load-content";
import { templateFile } from "./template-files";

const attribute = (tag: string, name: string) => new RegExp(`${name}=["']([^"']+)["']`).exec(tag)?.[1];

/**
 * Checks what frontmatter schemas cannot: that every link between entries and into the catalogue
 * points at something that exists. ADR supersession must be consistent both ways; patterns' ADRs and
 * services, `<Service slug>`, `<Operation service operationId>` and `/docs/…` or `/services/…` links
 * in bodies must resolve; checklist items must be unique.
 */
export function validateLinks(entries: ContentEntry[], catalogue: Map<string, Set<string>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = (collection: Collection) => new Map(entries.filter((entry) => entry.collection === collection).map((entry) => [entry.slug, entry]));
  const adrs = bySlug("adr") as Map<string, ContentEntry<"adr">>;
  const urls = new Set(entries.map((entry) => entryUrl(entry.collection, entry.slug).split("#")[0]));

  const numbers = new Map<number, string>();
  for (const adr of adrs.values()) {
    const { number, supersedes, status } = adr.frontmatter;
    const supersededBy = adr.frontmatter["superseded-by"];
    if (numbers.has(number)) problems.push({ file: adr.file, field: "number", message: `ADR ${number} is also ${numbers.get(number)}` });
    numbers.set(number, adr.file);
    if (supersedes && !adrs.has(supersedes)) problems.push({ file: adr.file, field: "supersedes", message: `no ADR "${supersedes}" exists` });
    if (supersedes && adrs.get(supersedes)?.frontmatter["superseded-by"] !== adr.slug) problems.push({ file: adr.file, field: "supersedes", message: `ADR "${supersedes}" must say superseded-by: ${adr.slug}` });
    if (supersededBy && !adrs.has(supersededBy)) problems.push({ file: adr.file, field: "superseded-by", message: `no ADR "${supersededBy}" exists` });
    if (status === "superseded" && !supersededBy) problems.push({ file: adr.file, field: "superseded-by", message: "a superseded ADR must name the ADR that supersedes it" });
    if (supersededBy && status !== "superseded") problems.push({ file: adr.file, field: "status", message: `must be "superseded" when superseded-by is set` });
  }

  const checklistIds = new Map<string, string>();
  for (const entry of entries) {
    if (entry.collection === "patterns") {
      const { adrs: related, services } = (entry as ContentEntry<"patterns">).frontmatter;
      for (const slug of related) if (!adrs.has(slug)) problems.push({ file: entry.file, field: "adrs", message: `no ADR "${slug}" exists` });
      for (const slug of services) if (!catalogue.has(slug)) problems.push({ file: entry.file, field: "services", message: `no demo service "${slug}" exists` });
    }
    if (entry.collection === "onboarding") {
      for (const item of (entry as ContentEntry<"onboarding">).frontmatter.checklist) {
        if (checklistIds.has(item.id)) problems.push({ file: entry.file, field: "checklist", message: `item id "${item.id}" is also used in ${checklistIds.get(item.id)}` });
        checklistIds.set(item.id, entry.file);
      }
    }
    for (const tag of entry.body.match(/<Service\b[^>]*>/g) ?? []) {
      const slug = attribute(tag, "slug");
      if (!slug || !catalogue.has(slug)) problems.push({ file: entry.file, message: `${tag} names no demo service` });
    }
    for (const tag of entry.body.match(/<Operation\b[^>]*>/g) ?? []) {
      const service = attribute(tag, "service");
      const operationId = attribute(tag, "operationId");
      if (!service || !catalogue.has(service)) problems.push({ file: entry.file, message: `${tag} names no demo service` });
      else if (!operationId || !catalogue.get(service)!.has(operationId)) problems.push({ file: entry.file, message: `${tag}: service "${service}" has no operation "${operationId}"` });
    }
    for (const tag of entry.body.match(/<TemplateFile\b[^>]*>/g) ?? []) {
      const template = attribute(tag, "template");
      const file = attribute(tag, "path");
      if (!template || !file || templateFile(template, file) === null) problems.push({ file: entry.file, message: `${tag} names no file of a service template` });
    }
    const withoutCode = entry.body.replace(/```[\s\S]*?```/g, "");
    for (const [, link] of withoutCode.matchAll(/\]\((\/(?:docs|services)\/[^)#\s]*)/g)) {
      const target = link!.replace(/\/$/, "");
      const ok = target.startsWith("/services/") ? catalogue.has(target.slice("/services/".length)) : urls.has(target) || ["/docs", "/docs/patterns", "/docs/adr", "/docs/onboarding"].includes(target);
      if (!ok) problems.push({ file: entry.file, message: `the link ${link} leads nowhere` });
    }
  }
  return problems;
}
