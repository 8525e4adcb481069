import type { ExchangeVerdict } from "./check-exchange";

/** Consumers and operations a run keeps at most: a log naming endless made-up callers cannot grow it without end. */
const MAX_USES = 10_000;

export interface TalliedUse {
  consumer: string;
  operation: string;
  calls: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * Which consumer called which documented operation in a traffic log, counted with first and last seen:
 * the evidence lib/consumers keeps as observed use. Exchanges without a named consumer, or matching no
 * operation, add nothing.
 */
export class UseTally {
  private readonly uses = new Map<string, TalliedUse>();
  dropped = 0;

  add(consumer: string | undefined, verdict: ExchangeVerdict, at: Date): void {
    if (!consumer || !verdict.documented) return;
    const key = `${consumer} ${verdict.operation}`;
    const known = this.uses.get(key);
    if (known) {
      known.calls += 1;
      if (at < known.firstSeenAt) known.firstSeenAt = at;
      if (at > known.lastSeenAt) known.lastSeenAt = at;
    } else if (this.uses.size < MAX_USES) this.uses.set(key, { consumer, operation: verdict.operation, calls: 1, firstSeenAt: at, lastSeenAt: at });
    else this.dropped += 1;
  }

  all(): TalliedUse[] {
    return [...this.uses.values()];
  }

  /** Each named consumer's calls in all, most first (then by slug). */
  callsByConsumer(): { slug: string; calls: number }[] {
    const calls = new Map<string, number>();
    for (const use of this.uses.values()) calls.set(use.consumer, (calls.get(use.consumer) ?? 0) + use.calls);
    return [...calls].map(([slug, count]) => ({ slug, calls: count })).sort((a, b) => b.calls - a.calls || a.slug.localeCompare(b.slug));
  }
}
