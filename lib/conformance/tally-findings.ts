import type { ExchangeVerdict, Finding } from "./check-exchange";

export interface TalliedFinding extends Finding {
  operation: string;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * A run's findings, added up as exchanges are checked: one entry per operation, kind, pointer and rule,
 * counted, with when it was first and last seen. Memory is bounded by the distinct findings, never by
 * the exchanges (a traffic log of millions of calls), and distinct findings past `maxDistinct` are only
 * counted: a log of random undocumented paths cannot grow it without end.
 */
export class FindingTally {
  exchanges = 0;
  mismatched = 0;
  undocumentedOperations = 0;
  /** Distinct findings seen once the tally was full: counted, not kept. */
  dropped = 0;
  private readonly entries = new Map<string, TalliedFinding>();

  constructor(private readonly maxDistinct = 1_000) {}

  add(verdict: ExchangeVerdict, at: Date = new Date()): void {
    this.exchanges += 1;
    if (!verdict.findings.length) return;
    this.mismatched += 1;
    if (!verdict.documented) this.undocumentedOperations += 1;
    for (const finding of verdict.findings) {
      const key = `${verdict.operation}\u0000${finding.kind}\u0000${finding.pointer}\u0000${finding.rule}`;
      const entry = this.entries.get(key);
      if (entry) {
        entry.count += 1;
        if (at < entry.firstSeenAt) entry.firstSeenAt = at;
        if (at > entry.lastSeenAt) entry.lastSeenAt = at;
      } else if (this.entries.size < this.maxDistinct) {
        this.entries.set(key, { ...finding, operation: verdict.operation, count: 1, firstSeenAt: at, lastSeenAt: at });
      } else this.dropped += 1;
    }
  }

  /** The findings, most frequent first. */
  findings(): TalliedFinding[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation));
  }
}
