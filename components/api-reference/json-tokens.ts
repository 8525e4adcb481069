/** What a piece of JSON text is, as highlight.js's JSON grammar names it (its `hljs-…` classes). */
export type JsonTokenKind = "attr" | "string" | "number" | "literal";

export interface JsonToken {
  text: string;
  /** Absent for everything else: punctuation, white space, and whatever is not JSON. */
  kind?: JsonTokenKind;
}

// One pass in time linear in the text (an example can be as large as the document allows): each
// alternative starts with its own character and its repetitions cannot overlap; a string that does not
// end on its line is left as plain text. A string followed by a colon is a key ("attr"). Comments, which
// highlight.js also colours, are not JSON and are left plain: a comment that never closes would make
// any regular expression for them scan to the end again from each of its openings.
const TOKEN =
  /(?<attr>"(?:[^"\\\n\r]|\\.)*"(?=\s*:))|(?<string>"(?:[^"\\\n\r]|\\.)*")|(?<number>-?(?:\b0[xX][a-fA-F0-9]+|(?:\b\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?))|(?<literal>\b(?:true|false|null)\b)/g;

/**
 * JSON text split into the pieces a highlighter colours, in order; joined, they are the text. Swagger UI
 * highlights JSON examples with highlight.js (through react-syntax-highlighter), which for a large
 * response example (Stripe's customer, 7.7 KB) was a third of the time to open the operation. This gives
 * highlight.js's colours for valid JSON (test/unit/json-tokens.test.ts holds it to highlight.js over the
 * fixtures' examples) for a fraction of the cost.
 */
export function jsonTokens(code: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of code.matchAll(TOKEN)) {
    if (match.index > last) tokens.push({ text: code.slice(last, match.index) });
    const kind = (Object.keys(match.groups!) as JsonTokenKind[]).find((name) => match.groups![name] !== undefined);
    tokens.push({ text: match[0], kind });
    last = match.index + match[0].length;
  }
  if (last < code.length) tokens.push({ text: code.slice(last) });
  return tokens;
}
