"use client";

import { useState } from "react";
import { getMockChoice, setMockChoice } from "./mock-preferences";

type Json = Record<string, unknown>;

/** The named examples each documented status offers (OpenAPI 3 `examples`, any media type). */
function examplesByStatus(operation: Json): Map<string, string[]> {
  const byStatus = new Map<string, string[]>();
  for (const [code, response] of Object.entries((operation.responses as Json | undefined) ?? {})) {
    const content = ((response as Json | null)?.content as Json | undefined) ?? {};
    const names = Object.values(content).flatMap((media) => Object.keys(((media as Json | null)?.examples as Json | undefined) ?? {}));
    byStatus.set(code, [...new Set(names)]);
  }
  return byStatus;
}

/**
 * For requests to the built-in mock: which documented status to answer with and which named example
 * to send (Prism's `Prefer: code=` and `example=`, added by the request interceptor).
 */
export function MockOptions({ operation, path, method }: { operation: Json; path: string; method: string }) {
  const statuses = examplesByStatus(operation);
  const [choice, setChoice] = useState(() => getMockChoice(method, path));
  const update = (next: typeof choice) => {
    setChoice(next);
    setMockChoice(method, path, next);
  };
  const codes = [...statuses.keys()].filter((code) => /^\d{3}$/.test(code));
  const examples = choice.code ? (statuses.get(choice.code) ?? []) : [...new Set([...statuses.values()].flat())];
  return (
    <div className="wf-mock-options" aria-label="Mock server answer">
      <span className="wf-mock-title">Mock server answers with</span>
      <label>
        status{" "}
        <select aria-label="Mock status" value={choice.code ?? ""} onChange={(event) => update({ code: event.target.value || undefined, example: undefined })}>
          <option value="">the first success</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      {examples.length > 0 && (
        <label>
          example{" "}
          <select aria-label="Mock example" value={choice.example ?? ""} onChange={(event) => update({ ...choice, example: event.target.value || undefined })}>
            <option value="">the first</option>
            {examples.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
