import type { ExchangeVerdict, Finding } from "./check-exchange";

/** The response header the Try it out proxy puts its verdict in, for the docs to show beside the response. */
export const CONFORMANCE_HEADER = "x-wayfinder-conformance";

/** At most this many findings travel in the header (the rest are counted): a header must stay small. */
const HEADER_FINDINGS = 8;

export interface VerdictSummary {
  operation: string;
  documented: boolean;
  total: number;
  findings: Pick<Finding, "kind" | "pointer" | "message">[];
  /** Why the body was not checked, when it could not be: then a clean verdict is no pass for the body. */
  unchecked?: string;
}

/** The verdict as a header value: URI-encoded JSON, ASCII only, a few hundred bytes. */
export function encodeVerdict(verdict: ExchangeVerdict): string {
  const summary: VerdictSummary = {
    operation: verdict.operation.slice(0, 200),
    documented: verdict.documented,
    total: verdict.findings.length,
    findings: verdict.findings
      .slice(0, HEADER_FINDINGS)
      .map(({ kind, pointer, message }) => ({ kind, pointer: pointer.slice(0, 200), message: message.slice(0, 200) })),
    ...(verdict.unchecked ? { unchecked: verdict.unchecked.slice(0, 200) } : {}),
  };
  return encodeURIComponent(JSON.stringify(summary));
}

/** The header's verdict, or null when it is absent or not one (the browser reads what the proxy sent). */
export function decodeVerdict(value: string | null | undefined): VerdictSummary | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<VerdictSummary>;
    if (typeof parsed.operation !== "string" || typeof parsed.total !== "number" || !Array.isArray(parsed.findings)) return null;
    return parsed as VerdictSummary;
  } catch {
    return null;
  }
}
