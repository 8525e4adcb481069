import { readFile } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE, type ClientManifest } from "@/lib/clients/client-manifest";
import { parse } from "yaml";
import { parseCliEnv } from "@/lib/platform/env";
import { CONSUMES_EXIT } from "./exit-codes";

export interface ConsumesOptions {
  service: string;
  /** `provider` or `provider@range`; absent with `file`. */
  provider?: string;
  operations?: string[];
  fields?: string[];
  file?: string;
  remove?: boolean;
  /** A folder written by `wayfinder client`: its wayfinder-client.json names the provider, version and operations. */
  fromClient?: string;
}

/** The provider, range and operations a generated client was made for (`^version` when the version is semver). */
export async function readClientManifest(folder: string): Promise<{ provider: string; operations: string[] }> {
  const file = path.join(folder, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, "utf8")) as Partial<ClientManifest>;
  if (!manifest.source?.service || !Array.isArray(manifest.operations)) throw new Error(`${file} is not a Wayfinder client manifest`);
  const { service, version } = manifest.source;
  const range = /^\d+\.\d+\.\d+$/.test(version) ? `^${version}` : "*";
  return { provider: `${service}@${range}`, operations: manifest.operations.map((operation) => `${operation.method} ${operation.path}`) };
}

/** Splits `payments@^1` into the provider and its version range (`*` when none is given). */
export function parseProviderRef(ref: string): { provider: string; versions: string } {
  const at = ref.indexOf("@");
  return at < 0 ? { provider: ref, versions: "*" } : { provider: ref.slice(0, at), versions: ref.slice(at + 1) || "*" };
}

/**
 * Declares what a service consumes, one API at a time (`wayfinder consumes payments@^1 --operations
 * createCharge --service storefront`), withdraws one (`--remove`), or publishes the repository's whole
 * wayfinder.consumes.yaml (`--file`), which replaces what the file declared before.
 */
export async function consumesCommand(options: ConsumesOptions): Promise<number> {
  const config = parseCliEnv(process.env);
  if (!config.WAYFINDER_URL || !config.WAYFINDER_TOKEN) {
    console.error("error: set WAYFINDER_URL (e.g. https://wayfinder.example.com) and WAYFINDER_TOKEN (an API token of the consuming service's team).");
    return CONSUMES_EXIT.usage;
  }
  const service = encodeURIComponent(options.service);
  let path: string;
  let method: "PUT" | "DELETE";
  let body: unknown;
  if (options.fromClient) {
    try {
      Object.assign(options, await readClientManifest(options.fromClient));
    } catch (error) {
      console.error(`error: cannot read the client in ${options.fromClient}: ${(error as Error).message.split("\n")[0]}`);
      return CONSUMES_EXIT.usage;
    }
  }
  if (options.file) {
    let parsed: unknown;
    try {
      parsed = parse(await readFile(options.file, "utf8"), { maxAliasCount: 100 });
    } catch (error) {
      console.error(`error: cannot read ${options.file}: ${(error as Error).message.split("\n")[0]}`);
      return CONSUMES_EXIT.usage;
    }
    // The command line's --service names the consumer; the file's own `service` is for people reading it.
    const { service: _named, ...rest } = (parsed ?? {}) as Record<string, unknown>;
    [path, method, body] = [`/api/v1/services/${service}/dependencies`, "PUT", rest];
  } else {
    const { provider, versions } = parseProviderRef(options.provider!);
    path = `/api/v1/services/${service}/dependencies/${encodeURIComponent(provider)}`;
    [method, body] = options.remove ? ["DELETE", undefined] : ["PUT", { versions, operations: options.operations ?? [], fields: options.fields ?? [] }];
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, config.WAYFINDER_URL), {
      method,
      headers: { Authorization: `Bearer ${config.WAYFINDER_TOKEN}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    console.error(`error: cannot reach ${config.WAYFINDER_URL}: ${((error as { cause?: Error }).cause ?? (error as Error)).message}`);
    return CONSUMES_EXIT.usage;
  }
  const answer = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; details?: { issues?: { path: (string | number)[]; message: string }[] } };
    declared?: { provider: { slug: string }; versions: string; operations: string[] }[];
    removed?: string[] | boolean;
    provider?: { slug: string };
    versions?: string;
    operations?: string[];
  };
  if (!response.ok) {
    console.error(`error: ${answer.error?.message ?? `HTTP ${response.status}`}`);
    for (const issue of answer.error?.details?.issues ?? []) console.error(`  - ${issue.path.join(".") || "body"}: ${issue.message}`);
    return answer.error?.code === "VALIDATION_FAILED" || answer.error?.code === "NOT_FOUND" ? CONSUMES_EXIT.refused : CONSUMES_EXIT.usage;
  }
  const describe = (entry: { provider: { slug: string }; versions: string; operations: string[] }) =>
    `${options.service} consumes ${entry.provider.slug}@${entry.versions} (${entry.operations.length ? `${entry.operations.length} operation${entry.operations.length === 1 ? "" : "s"}` : "whole API"})`;
  if (options.file) {
    for (const entry of answer.declared ?? []) console.log(`declared: ${describe(entry)}`);
    for (const provider of (answer.removed as string[] | undefined) ?? []) console.log(`withdrawn: ${options.service} no longer declares ${provider}`);
  } else if (options.remove)
    console.log(
      answer.removed ? `withdrawn: ${options.service} → ${options.provider}` : `nothing to withdraw: ${options.service} declared no ${options.provider}`,
    );
  else console.log(`declared: ${describe(answer as { provider: { slug: string }; versions: string; operations: string[] })}`);
  return CONSUMES_EXIT.ok;
}
