/** Where the {{resources}} live: in memory here, behind the functions a database-backed store would keep. */
import { randomUUID } from "node:crypto";

export interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  quantity: number;
  createdAt: string;
}

export class Store {
  private readonly rows = new Map<string, Row>();
  private readonly idempotency = new Map<string, { row: Row; fingerprint: string }>();

  /** Readiness: whether the store can serve (a database would run SELECT 1). */
  async ping(): Promise<boolean> {
    return true;
  }

  insert(fields: { name: string; quantity: number }): Row {
    const row = { id: randomUUID(), createdAt: new Date().toISOString(), ...fields };
    this.rows.set(row.id, row);
    return row;
  }

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }

  /** Every row, oldest first (by creation time, then id): the order pages follow. */
  all(): Row[] {
    return [...this.rows.values()].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }

  /** Runs `create` once per idempotency key; returns the row and the fingerprint the key was first used with. */
  remember(key: string, fingerprint: string, create: () => Row): { row: Row; fingerprint: string } {
    let entry = this.idempotency.get(key);
    if (!entry) {
      entry = { row: create(), fingerprint };
      this.idempotency.set(key, entry);
    }
    return entry;
  }
}
