import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { templateManifestSchema, type TemplateSource } from "./template-manifest";

function readTree(root: string, relative = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, readTree(root, child));
    else if (entry.isFile()) files[child] = readFileSync(path.join(root, child), "utf8");
  }
  return files;
}

/** Reads one template folder: template.yaml, its files/ and, for endpoints, the operation fragment. */
export function readTemplate(folder: string): TemplateSource {
  const parsed = templateManifestSchema.safeParse(parse(readFileSync(path.join(folder, "template.yaml"), "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path.join(folder, "template.yaml")}: ${issue?.path.join(".") || "manifest"} ${issue?.message}`);
  }
  const manifest = parsed.data;
  if (manifest.name !== path.basename(folder)) throw new Error(`${folder}: the manifest names "${manifest.name}", not its folder's name`);
  return {
    manifest,
    files: readTree(path.join(folder, "files")),
    ...(manifest.operation ? { operation: readFileSync(path.join(folder, manifest.operation), "utf8") } : {}),
  };
}

/** Every template under `root` (the repository's templates/), by name, in name order. */
export function readTemplates(root: string): Map<string, TemplateSource> {
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return new Map(names.map((name) => [name, readTemplate(path.join(root, name))]));
}
