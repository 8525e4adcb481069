import { readerCache } from "@/lib/platform/reader-cache";
import type { DiffResult } from "./diff-types";

/** Diffs that readers ask for, kept by the content hashes of the two documents and bounded per caller (lib/platform/reader-cache.ts). */
export const MAX_PER_CALLER = 2;

export const cachedDiff = readerCache<DiffResult>({ maxEntries: 64, perCaller: MAX_PER_CALLER, what: "comparisons" });
