/** Text from a document or a form inside generated Markdown: on one line, unable to open a link or an HTML tag. */
export function inlineText(value: string, max = 300): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>|])/g, "\\$1")
    .trim()
    .slice(0, max);
}

/** A Markdown link's target: percent-encoding whatever could end it. */
export function linkTarget(url: string): string {
  // encodeURIComponent leaves parentheses as they are: every character is written out as %XX.
  return url.replace(/[()\s<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
