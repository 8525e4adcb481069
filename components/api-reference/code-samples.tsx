"use client";

import { snippetz } from "@scalar/snippetz";
import { useMemo, useState } from "react";
import { buildSampleRequest, type Credentials } from "@/lib/try-it/samples/build-sample-request";

type Json = Record<string, unknown>;

/** The languages every operation gets a sample in, in this order. */
export const SAMPLE_LANGUAGES = [
  { label: "curl", target: "shell", client: "curl" },
  { label: "JavaScript", target: "js", client: "fetch" },
  { label: "Python", target: "python", client: "requests" },
  { label: "Go", target: "go", client: "native" },
  { label: "Java", target: "java", client: "nethttp" },
  { label: "C#", target: "csharp", client: "httpclient" },
] as const;

interface Sample {
  label: string;
  source: string;
}

/** The document's own samples (`x-codeSamples`, Redoc's extension, or its older `x-code-samples`). */
export function documentSamples(operation: Json): Sample[] {
  const listed = (operation["x-codeSamples"] ?? operation["x-code-samples"]) as { lang?: string; label?: string; source?: string }[] | undefined;
  return (Array.isArray(listed) ? listed : [])
    .filter((entry) => typeof entry?.source === "string")
    .map((entry) => ({ label: `${entry.label ?? entry.lang ?? "Sample"} (from the document)`, source: entry.source! }));
}

export interface CodeSamplesProps {
  document: Json;
  operation: Json;
  path: string;
  method: string;
  server: string;
  /** The credentials entered under Authorize, used only when the reader asks. */
  credentials: Credentials;
}

/**
 * Code samples for one operation, shown before anyone presses Execute: the document's own first, then
 * generated ones (@scalar/snippetz) for the chosen server, with example parameters and body, and
 * placeholder credentials unless the reader ticks "Use my credentials".
 */
export function CodeSamples({ document, operation, path, method, server, credentials }: CodeSamplesProps) {
  const [useOwn, setUseOwn] = useState(false);
  const [selected, setSelected] = useState(0);
  const [copied, setCopied] = useState(false);
  const own = useMemo(() => documentSamples(operation), [operation]);
  const labels = [...own.map((sample) => sample.label), ...SAMPLE_LANGUAGES.map((language) => language.label)];
  const index = Math.min(selected, labels.length - 1);
  const language = SAMPLE_LANGUAGES[index - own.length];
  // Only the sample on screen is generated: an operation opens with one, not six.
  const generated = language !== undefined;
  const request = useMemo(
    () => (generated ? buildSampleRequest({ document, operation, path, method, server, credentials: useOwn ? credentials : undefined }) : null),
    [generated, document, operation, path, method, server, credentials, useOwn],
  );
  const current: Sample = useMemo(
    () => (language && request ? { label: language.label, source: snippetz().print(language.target, language.client as never, request) ?? "" } : own[index]!),
    [language, request, own, index],
  );
  const hasCredentials = Object.values(credentials).some(Boolean);
  return (
    <section className="wf-code-samples" aria-label={`Code samples for ${method.toUpperCase()} ${path}`}>
      <div className="wf-code-samples-bar">
        <h4>Code samples</h4>
        <div role="tablist" aria-label="Language">
          {labels.map((label, position) => (
            <button
              key={label}
              type="button"
              role="tab"
              aria-selected={position === selected}
              className={position === selected ? "wf-tab wf-tab-active" : "wf-tab"}
              onClick={() => {
                setSelected(position);
                setCopied(false);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        {hasCredentials && (
          <label className="wf-own-credentials">
            <input type="checkbox" checked={useOwn} onChange={(event) => setUseOwn(event.target.checked)} /> Use my credentials
          </label>
        )}
        <button
          type="button"
          className="wf-copy"
          onClick={() => {
            void navigator.clipboard.writeText(current.source).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      {/* Focusable: it scrolls sideways, and a keyboard must be able to scroll it too. */}
      <pre role="tabpanel" aria-label={current.label} className="wf-code-sample" tabIndex={0}>
        <code>{current.source}</code>
      </pre>
    </section>
  );
}
