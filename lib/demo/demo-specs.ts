import { readFileSync } from "node:fs";
import path from "node:path";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";

const specsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/seed/specs");

/** The catalogue entry that holds Wayfinder's own contract. */
export const WAYFINDER_SERVICE_SLUG = "wayfinder";

/** The text of a demo document (a file under prisma/seed/specs); "wayfinder" is this portal's own contract. */
export function readDemoSpec(name: string, dir = specsDir): string {
  if (name === WAYFINDER_SERVICE_SLUG) return JSON.stringify(wayfinderOpenApiDocument);
  return readFileSync(path.join(dir, name), "utf8");
}

const eventsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/seed/events");

/** The text of a demo event API document (a file under prisma/seed/events). */
export function readDemoEvents(name: string, dir = eventsDir): string {
  return readFileSync(path.join(dir, name), "utf8");
}
