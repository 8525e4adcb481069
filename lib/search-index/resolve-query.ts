import type { Db } from "@/lib/platform/db/types";
import { compactWord, searchTokens } from "./search-tokens";

export interface Correction {
  /** A word of the query that no indexed word starts with. */
  word: string;
  /** The indexed words nearest to it (trigram similarity), searched for as well. */
  suggestions: string[];
}

export interface ResolvedQuery {
  /** The query as the words the index knows, for `to_tsquery('simple', …)`: every word must match, each as a prefix. */
  tsquery: string;
  words: string[];
  /** The query as one word, to rank an operationId typed exactly (`chat.postMessage` → `chatpostmessage`). */
  compact: string;
  corrections: Correction[];
}

const MAX_WORDS = 8;

/**
 * The word with two neighbouring letters swapped, every way: the typo trigrams see worst
 * (`chrage` shares 3 of 11 trigrams with `charge`), looked up exactly instead.
 */
function transpositions(word: string): string[] {
  if (word.length < 3 || word.length > 20) return [];
  const swaps: string[] = [];
  for (let i = 0; i < word.length - 1; i++) if (word[i] !== word[i + 1]) swaps.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return swaps;
}

/**
 * Turns what someone typed into a full-text query over the index's words. Each word matches as a
 * prefix (`pay` finds `payment`); a word no indexed word starts with is a likely misspelling, and is
 * searched together with its nearest indexed words: by trigram similarity (`paymnet` → `payment`)
 * and by one swap of neighbouring letters (`chrage` → `charge`).
 */
export async function resolveQuery(db: Db, text: string): Promise<ResolvedQuery | null> {
  const words = [...new Set(searchTokens(text))].slice(0, MAX_WORDS);
  if (!words.length) return null;
  const swaps = words.flatMap(transpositions);
  const [rows, swapped] = await Promise.all([
    db.$queryRaw<{ word: string; known: boolean; near: string[] }[]>`
    SELECT t.word,
           EXISTS (SELECT 1 FROM "SearchWord" w WHERE w.word LIKE t.word || '%') AS known,
           CASE WHEN EXISTS (SELECT 1 FROM "SearchWord" w WHERE w.word LIKE t.word || '%') OR length(t.word) < 3 THEN ARRAY[]::text[]
                ELSE ARRAY(SELECT w.word FROM "SearchWord" w WHERE w.word % t.word ORDER BY similarity(w.word, t.word) DESC, w.word LIMIT 3)
           END AS near
    FROM unnest(${words}::text[]) AS t(word)`,
    swaps.length ? db.$queryRaw<{ word: string }[]>`SELECT word FROM "SearchWord" WHERE word = ANY(${swaps}::text[])` : [],
  ]);
  const known = new Set(swapped.map((row) => row.word));
  const byWord = new Map(rows.map((row) => [row.word, row]));
  const corrections: Correction[] = [];
  const groups = words.map((word) => {
    const row = byWord.get(word);
    // A swap of two neighbouring letters that gives a known word is the likeliest reading: then
    // trigram neighbours (`ref`, `refs` for `refnud`) would only add noise.
    const swapped = row && !row.known ? transpositions(word).filter((swap) => known.has(swap)) : [];
    const near = row && !row.known ? (swapped.length ? swapped : row.near).slice(0, 3) : [];
    if (near.length) {
      corrections.push({ word, suggestions: near });
      return `(${[`${word}:*`, ...near].join(" | ")})`;
    }
    return `${word}:*`;
  });
  return { tsquery: groups.join(" & "), words, compact: compactWord(text), corrections };
}
