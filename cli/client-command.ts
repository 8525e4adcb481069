import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import { clientLanguages, type ClientLanguage } from "@/lib/clients/client-manifest";
import { parseCliEnv } from "@/lib/platform/env";
import { CLIENT_EXIT } from "./exit-codes";

/** Splits `payments@1.2.0` into the service and its version (none: the newest). */
export function parseServiceRef(ref: string): { service: string; version: string | null } {
  const at = ref.indexOf("@");
  return at < 0 ? { service: ref, version: null } : { service: ref.slice(0, at), version: ref.slice(at + 1) || null };
}

async function get(base: string, token: string | undefined, route: string): Promise<Response> {
  return fetch(new URL(route, base), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? `HTTP ${response.status}`;
}

/**
 * Downloads a typed client of a service's version (its newest without `@version`) from the portal and
 * writes its files into `out`: the zip's folder is stripped, and no entry may leave `out`.
 */
export async function clientCommand(options: { ref: string; lang: string; out: string }): Promise<number> {
  const config = parseCliEnv(process.env);
  if (!config.WAYFINDER_URL) {
    console.error("error: set WAYFINDER_URL (e.g. https://wayfinder.example.com); WAYFINDER_TOKEN too if the portal needs sign-in to read.");
    return CLIENT_EXIT.usage;
  }
  if (!clientLanguages.includes(options.lang as ClientLanguage)) {
    console.error(`error: --lang must be one of ${clientLanguages.join(", ")}, not "${options.lang}".`);
    return CLIENT_EXIT.usage;
  }
  const { service, version: named } = parseServiceRef(options.ref);
  const slug = encodeURIComponent(service);
  try {
    let version = named;
    if (!version) {
      const listed = await get(config.WAYFINDER_URL, config.WAYFINDER_TOKEN, `/api/v1/services/${slug}/versions`);
      if (!listed.ok) {
        console.error(`error: ${await refusal(listed)}`);
        return listed.status === 404 ? CLIENT_EXIT.refused : CLIENT_EXIT.usage;
      }
      version = ((await listed.json()) as { items: { version: string }[] }).items[0]?.version ?? null;
      if (!version) {
        console.error(`error: ${service} has no published version yet.`);
        return CLIENT_EXIT.refused;
      }
    }
    const response = await get(
      config.WAYFINDER_URL,
      config.WAYFINDER_TOKEN,
      `/api/v1/services/${slug}/versions/${encodeURIComponent(version)}/client?lang=${options.lang}`,
    );
    if (!response.ok) {
      console.error(`error: ${await refusal(response)}`);
      return response.status === 404 ? CLIENT_EXIT.refused : CLIENT_EXIT.usage;
    }
    const out = path.resolve(options.out);
    const entries = Object.entries(unzipSync(new Uint8Array(await response.arrayBuffer()))).filter(([name]) => !name.endsWith("/"));
    for (const [name, bytes] of entries) {
      const relative = name.split("/").slice(1).join("/");
      const target = path.resolve(out, relative);
      if (!relative || !target.startsWith(out + path.sep)) throw new Error(`the archive names a file outside the folder: ${name}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    console.log(
      `wrote a ${options.lang} client of ${service} ${version} (revision ${response.headers.get("x-wayfinder-revision") ?? "?"}) to ${options.out}: ${entries.length} files`,
    );
    return CLIENT_EXIT.ok;
  } catch (error) {
    console.error(`error: ${((error as { cause?: Error }).cause ?? (error as Error)).message}`);
    return CLIENT_EXIT.usage;
  }
}
