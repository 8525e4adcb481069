/**
 * The words search knows a text by, shared by the index (publishing) and the query, so that both cut
 * the same way: lower case, split at camelCase, digits-to-letters and every non-alphanumeric
 * character. `createPaymentIntent` → create, payment, intent; `/v1/payment_intents/{id}` → v1,
 * payment, intents, id. Only [a-z0-9] survive, so nothing in a word is special to `to_tsquery`.
 */
export function searchTokens(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** An identifier written as one word (`chat.postMessage` → `chatpostmessage`), so it matches whole too. */
export function compactWord(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Words of several texts, each once, in first-seen order; overlong words (hashes, blobs) are dropped. */
export function uniqueWords(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of searchTokens(text)) if (word.length <= 60) words.add(word);
  return [...words];
}
