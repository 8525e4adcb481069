"use client";

import { useMemo, type ComponentType, type ReactNode } from "react";
import { codeTheme } from "./code-theme";
import { jsonTokens } from "./json-tokens";

const CODE_STYLE = { whiteSpace: "pre" } as const;

/** JSON, coloured as Swagger UI's highlighter colours it with the portal's theme (code-theme.ts), as one `pre`. */
function JsonCode({ code, className }: { code: string; className?: string }) {
  const pieces = useMemo(
    () =>
      jsonTokens(code).map((token, index) =>
        token.kind ? (
          <span key={index} style={codeTheme[`hljs-${token.kind}`]}>
            {token.text}
          </span>
        ) : (
          token.text
        ),
      ),
    [code],
  );
  return (
    <pre className={className} style={codeTheme.hljs}>
      <code className="language-json" style={CODE_STYLE}>
        {pieces}
      </code>
    </pre>
  );
}

/**
 * Swagger UI's highlighter for JSON examples and responses, where most of its highlighting is: the same
 * colours, for a fraction of highlight.js's cost (json-tokens.ts). Other languages, and highlighting
 * turned off, are Swagger UI's own.
 */
export const jsonHighlightPlugin = () => ({
  wrapComponents: {
    SyntaxHighlighter: (Original: ComponentType<Record<string, unknown>>, system: { getConfigs(): { syntaxHighlight?: { activated?: boolean } } }) =>
      function JsonAwareHighlighter(props: Record<string, unknown> & { language?: string; className?: string; children?: ReactNode }) {
        const { language, className, children } = props;
        if (language !== "json" || typeof children !== "string" || system.getConfigs().syntaxHighlight?.activated === false) return <Original {...props} />;
        return <JsonCode code={children} className={className} />;
      },
  },
});
