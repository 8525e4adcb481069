/**
 * Swagger UI's syntax-highlighting theme: Tomorrow Night (as react-syntax-highlighter ships it) on
 * the portal's slate-800, with its red lightened from #cc6666 (3.9:1 there) to pass WCAG AA. Every
 * colour here is at least 4.5:1 on #1e293b; Swagger UI's own themes each have one that is not (agate's
 * numbers are 3.45:1).
 */
const red = "#ea9a9a";
const orange = "#de935f";
const yellow = "#f0c674";
const green = "#b5bd68";
const blue = "#81a2be";
const purple = "#b294bb";
const grey = "#a0a3a1";

export const codeTheme: Record<string, Record<string, string>> = {
  hljs: { display: "block", overflowX: "auto", background: "#1e293b", color: "#e2e8f0", padding: "0.5em" },
  "hljs-comment": { color: grey },
  "hljs-quote": { color: grey },
  ...Object.fromEntries(
    ["variable", "template-variable", "tag", "name", "selector-id", "selector-class", "regexp", "deletion"].map((token) => [`hljs-${token}`, { color: red }]),
  ),
  ...Object.fromEntries(
    ["number", "built_in", "builtin-name", "literal", "type", "params", "meta", "link"].map((token) => [`hljs-${token}`, { color: orange }]),
  ),
  "hljs-attribute": { color: yellow },
  "hljs-attr": { color: yellow },
  ...Object.fromEntries(["string", "symbol", "bullet", "addition"].map((token) => [`hljs-${token}`, { color: green }])),
  "hljs-title": { color: blue },
  "hljs-section": { color: blue },
  "hljs-keyword": { color: purple },
  "hljs-selector-tag": { color: purple },
  "hljs-emphasis": { fontStyle: "italic" },
  "hljs-strong": { fontWeight: "bold" },
};

/**
 * Gives Swagger UI this theme. Its SyntaxHighlighter reads the styles from this root inject, by the
 * name in its `syntaxHighlight.theme` setting, which swagger-ui-react offers no prop for: so the theme
 * takes the default's name, "agate".
 */
export const codeThemePlugin = () => ({
  rootInjects: { syntaxHighlighting: { styles: { agate: codeTheme }, defaultStyle: codeTheme } },
});
