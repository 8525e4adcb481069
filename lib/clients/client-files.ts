import { isPlainObject } from "@/lib/openapi/detect-format";
import type { ClientSource } from "./client-manifest";

/** A generated client: file path (relative, `/`-separated) → text. */
export type ClientFiles = Record<string, string>;

/** A JavaScript/TypeScript (or Python) string literal; U+2028 and U+2029 escaped too, which would end a line comment. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The document's server URLs (OpenAPI 3.x), variables given their defaults. */
export function clientServers(document: Record<string, unknown>): string[] {
  if (!Array.isArray(document.servers)) return [];
  return document.servers.flatMap((server) => {
    if (!isPlainObject(server) || typeof server.url !== "string") return [];
    const variables = isPlainObject(server.variables) ? server.variables : {};
    return [
      server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const variable = variables[name];
        return isPlainObject(variable) && typeof variable.default === "string" ? variable.default : whole;
      }),
    ];
  });
}

/** The API's title for a README heading, on one line. */
export function clientTitle(document: Record<string, unknown>, source: ClientSource): string {
  const info = isPlainObject(document.info) ? document.info : {};
  const title = typeof info.title === "string" && info.title.trim() ? info.title : source.service;
  return `${title.replace(/\s+/g, " ").slice(0, 200)} ${source.version}`;
}

/** A document's value inside a generated comment: on one line, and unable to close a block comment. */
export function commentText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ").replace(/\*\//g, "* /");
}
