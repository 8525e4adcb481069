import { strToU8, zipSync } from "fflate";

/** A zip of a generated project, every file under one folder named after it (as `git clone` would make). */
export function zipFiles(folder: string, files: Record<string, string>): Uint8Array {
  // A fixed date: the same values give the same bytes, which makes downloads comparable.
  const mtime = new Date("2026-01-01T00:00:00Z");
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${folder}/${path}`, [strToU8(text), { mtime }]])), { level: 6 });
}
