import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { headers } from "next/headers";
import { preload } from "react-dom";

/** The next/dynamic import in api-reference.tsx, as Next.js names it in its build manifest. */
const SWAGGER_IMPORT = "components/api-reference/api-reference.tsx -> ./swagger-view";

let swaggerFiles: string[] | undefined;

/** Swagger UI's chunks from the production build's manifest; none in development (no manifest). */
function readSwaggerFiles(): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "react-loadable-manifest.json"), "utf8")) as Record<
      string,
      { files?: string[] }
    >;
    return manifest[SWAGGER_IMPORT]?.files ?? [];
  } catch {
    return [];
  }
}

/**
 * Swagger UI's code (the portal's largest chunks) fetched with the page's own scripts instead of
 * after them: next/dynamic with ssr:false names no chunks in the HTML, so the browser learned of
 * them only once the page's JavaScript had run. Rendered where a reference will be.
 */
export async function SwaggerPreload() {
  swaggerFiles ??= readSwaggerFiles();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  for (const file of swaggerFiles) {
    const href = `/_next/${file.split("/").map(encodeURIComponent).join("/")}`;
    preload(href, { as: file.endsWith(".css") ? "style" : "script", nonce });
  }
  return null;
}
