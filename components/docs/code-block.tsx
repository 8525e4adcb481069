"use client";

import { useRef, useState, type ComponentProps } from "react";

/** A highlighted code block with a Copy button. */
export function CodeBlock(props: ComponentProps<"pre">) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="group relative">
      <button
        type="button"
        aria-label="Copy code"
        className="absolute top-2 right-2 rounded border border-slate-300 bg-white/90 px-2 py-0.5 text-xs text-slate-700 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200"
        onClick={() => {
          void navigator.clipboard.writeText(ref.current?.textContent ?? "").then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          });
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <pre ref={ref} {...props} />
    </div>
  );
}
