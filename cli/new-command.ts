import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recordSightings } from "./record-sightings";
import { addEndpoint } from "@/lib/templates/add-endpoint";
import { generateService } from "@/lib/templates/generate-service";
import { valueFromText } from "@/lib/templates/parameter-schema";
import { readTemplates } from "@/lib/templates/read-templates";
import type { TemplateSource } from "@/lib/templates/template-manifest";

// Set by scripts/build-cli.mjs: the repository's templates/, bundled into the single-file command.
declare const WAYFINDER_TEMPLATES: Record<string, TemplateSource> | undefined;

/** The templates this command carries: bundled into the single file, or read from the checkout it runs in. */
export function bundledTemplates(): Map<string, TemplateSource> {
  if (typeof WAYFINDER_TEMPLATES === "object") return new Map(Object.entries(WAYFINDER_TEMPLATES));
  return readTemplates(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../templates"));
}

/** A template from the portal (GET /api/v1/templates/{name}), for templates newer than this command. */
async function fetchTemplate(name: string, baseUrl: string, token: string | undefined): Promise<TemplateSource> {
  const response = await fetch(new URL(`/api/v1/templates/${encodeURIComponent(name)}`, baseUrl), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json().catch(() => null)) as (TemplateSource & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new Error(`the portal answered ${response.status}: ${body?.error?.message ?? "no template"}`);
  return { manifest: body.manifest, files: body.files, ...(body.operation ? { operation: body.operation } : {}) };
}

export interface NewOptions {
  template: string;
  set: string[];
  /** Fetch the template from the portal at this URL instead of using the bundled one. */
  portal?: string;
  token?: string;
  /** new endpoint: the portal and service to tell that the operation was first seen now (time to a new endpoint). */
  record?: { portal: string; service: string };
}

async function findTemplate(options: NewOptions): Promise<TemplateSource> {
  if (options.portal) return fetchTemplate(options.template, options.portal, options.token);
  const templates = bundledTemplates();
  const source = templates.get(options.template);
  if (!source) throw new Error(`no template "${options.template}"; bundled: ${[...templates.keys()].join(", ")}`);
  return source;
}

/** `--set key=value` pairs, each turned into its parameter's type; an unknown key is an error. */
function valuesFromSets(source: TemplateSource, sets: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const pair of sets) {
    const equals = pair.indexOf("=");
    if (equals < 1) throw new Error(`--set takes key=value, not "${pair}"`);
    const key = pair.slice(0, equals);
    const parameter = source.manifest.parameters.find((candidate) => candidate.name === key);
    if (!parameter)
      throw new Error(`template "${source.manifest.name}" has no parameter "${key}" (it has ${source.manifest.parameters.map((p) => p.name).join(", ")})`);
    values[key] = valueFromText(parameter, pair.slice(equals + 1));
  }
  return values;
}

function writeFiles(root: string, files: Record<string, string>, { overwrite }: { overwrite: boolean }): void {
  for (const relative of Object.keys(files)) {
    if (!overwrite && existsSync(path.join(root, relative))) throw new Error(`${path.join(root, relative)} exists already; nothing was written`);
  }
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** `wayfinder new service --template <name> [--set k=v…] <dir>`: a new project in an empty (or new) folder. */
export async function newService(dir: string, options: NewOptions): Promise<number> {
  const source = await findTemplate(options);
  const project = generateService(source, valuesFromSets(source, options.set));
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} is not empty; give a new folder`);
  writeFiles(dir, project.files, { overwrite: false });
  console.log(`created ${dir} from ${source.manifest.name}: ${Object.keys(project.files).length} files, contract ${project.contract}`);
  console.log(
    `next: register it in Wayfinder, then publish its contract: wayfinder publish --service ${String(project.values.name ?? "<slug>")} ${path.join(dir, project.contract)}`,
  );
  return 0;
}

/** `wayfinder new endpoint --template <name> [--set k=v…] <openapi file>`: one operation added, with its stub and tests beside the document. */
export async function newEndpoint(contractFile: string, options: NewOptions): Promise<number> {
  const source = await findTemplate(options);
  const added = addEndpoint(source, valuesFromSets(source, options.set), readFileSync(contractFile, "utf8"));
  const root = path.dirname(path.resolve(contractFile));
  // The new files first: if one exists already, the document is left untouched.
  writeFiles(root, added.files, { overwrite: false });
  writeFileSync(contractFile, added.contract);
  console.log(
    `added ${added.method.toUpperCase()} ${added.path} to ${contractFile}${added.addedComponents.length ? ` (with ${added.addedComponents.join(", ")})` : ""}`,
  );
  for (const file of Object.keys(added.files)) console.log(`created ${path.join(root, file)}`);
  if (options.record)
    await recordSightings(options.record.portal, options.token, options.record.service, "new-endpoint", [`${added.method.toUpperCase()} ${added.path}`]);
  return 0;
}
