import type { Db } from "@/lib/platform/db/types";
import { searchTokens } from "./search-tokens";

/**
 * Words a misspelling is corrected to: letters only, 3 to 30 of them. Identifiers with digits
 * (`invoice1000`) and whole operationIds would multiply the dictionary (138,000 words instead of
 * a few thousand at 100,000 operations) and slow every correction, for typos nobody makes in them.
 */
const CORRECTABLE = /^[a-z]{3,30}$/;

/**
 * Adds words to the dictionary typo tolerance draws on (the `SearchWord` table), in the caller's
 * transaction: the words of operations' `searchText`, of a service's name, slug and description.
 */
export async function addSearchWords(db: Db, texts: string[]): Promise<void> {
  const words = new Set<string>();
  for (const text of texts) for (const word of searchTokens(text)) if (CORRECTABLE.test(word)) words.add(word);
  if (!words.size) return;
  await db.$executeRaw`INSERT INTO "SearchWord" ("word") SELECT unnest(${[...words]}::text[]) ON CONFLICT DO NOTHING`;
}
