import path from "node:path";
import { generateService } from "@/lib/templates/generate-service";
import { portalTemplates } from "@/lib/templates/portal-templates";

const TAG = /<TemplateFile\s+template=["']([^"']+)["']\s+path=["']([^"']+)["']\s*\/>/g;
const LANGUAGES: Record<string, string> = { ".py": "python", ".ts": "ts", ".yaml": "yaml", ".yml": "yaml", ".json": "json", "": "text" };

// Each template rendered with its defaults once per process (the templates themselves are read once too).
const rendered = new Map<string, Record<string, string>>();

/** The file a `<TemplateFile template path />` tag names, as the template renders it with its defaults; null when there is none. */
export function templateFile(template: string, file: string): string | null {
  const source = portalTemplates().get(template);
  if (!source || source.manifest.kind !== "service") return null;
  if (!rendered.has(template)) rendered.set(template, generateService(source, {}).files);
  return rendered.get(template)![file] ?? null;
}

/**
 * Replaces each `<TemplateFile template="…" path="…" />` in an MDX body with a fenced code block of
 * that file, so the pattern library shows exactly the code `wayfinder new` writes (highlighted like
 * every other block). validate-content.ts refuses tags naming no such file, so this never meets one.
 */
export function inlineTemplateFiles(body: string): string {
  return body.replace(TAG, (tag, template: string, file: string) => {
    const text = templateFile(template, file);
    if (text === null) throw new Error(`${tag} names no file of a service template`);
    const fence = "`".repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((match) => match[0].length + 1)));
    return `${fence}${LANGUAGES[path.extname(file)] ?? "text"} title="${file}"\n${text.trimEnd()}\n${fence}`;
  });
}
