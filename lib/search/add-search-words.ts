import type { Db } from "@/lib/db/types";
import { searchTokens } from "./search-tokens";

/**
 * Adds words to the dictionary typo tolerance draws on (the `SearchWord` table), in the caller's
 * transaction: the words of operations' `searchText`, of a service's name, slug and description.
 */
export async function addSearchWords(db: Db, texts: string[]): Promise<void> {
  const words = new Set<string>();
  for (const text of texts) for (const word of searchTokens(text)) if (word.length >= 2 && word.length <= 60) words.add(word);
  if (!words.size) return;
  await db.$executeRaw`INSERT INTO "SearchWord" ("word") SELECT unnest(${[...words]}::text[]) ON CONFLICT DO NOTHING`;
}
