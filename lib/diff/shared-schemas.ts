import { MAX_LISTED_OPERATIONS, type Change } from "./diff-types";
import { sameWithoutRefs } from "./same-without-refs";

/**
 * Changes inside schemas that operations share through `$ref`. Each pair of referenced schemas (base,
 * revision, and the place it is used from) is compared once for the whole diff; its changes are
 * reported once, naming the component, with every operation that reaches it directly or through other
 * shared schemas. Stripe's pair has hundreds of operations over the same components: compared per
 * operation it gave 58,335 changes in 21 s; this way, each once.
 */
interface Entry {
  label: string;
  changes: Change[];
  operations: Set<string>;
  parents: Set<string>;
}

export class SharedSchemas {
  private readonly entries = new Map<string, Entry>();

  /** Whether two schemas are the same with no `$ref` inside, so there is nothing to compare (remembered for the whole diff). */
  readonly unchanged = sameWithoutRefs();

  /** Registers that `owner` (an operation, or another shared schema's key) reaches this pair; true if the pair is new. */
  reach(key: string, label: string, owner: { operation?: string; shared?: string }): { isNew: boolean; collect: (change: Change) => void } {
    let entry = this.entries.get(key);
    const isNew = !entry;
    if (!entry) {
      entry = { label, changes: [], operations: new Set(), parents: new Set() };
      this.entries.set(key, entry);
    }
    if (owner.operation) entry.operations.add(owner.operation);
    if (owner.shared && owner.shared !== key) entry.parents.add(owner.shared);
    const changes = entry.changes;
    return { isNew, collect: (change) => changes.push(change) };
  }

  /**
   * Every collected change, with the operations that reach its schema. With `reach`, each set cut to
   * MAX_LISTED_OPERATIONS is also given whole, once however many changes share it (`reach[change.reach]`):
   * what a consumer impact needs, kept out of the diff's output.
   */
  flush(reach?: string[][]): Change[] {
    // The operations of every schema `key` is reached from, followed once each (cycles included) into one
    // set: unions made at every level and copied up the chain were a third of Stripe's diff.
    const affected = (key: string): Set<string> => {
      const operations = new Set<string>();
      const seen = new Set([key]);
      const stack = [key];
      while (stack.length) {
        const entry = this.entries.get(stack.pop()!);
        if (!entry) continue;
        for (const operation of entry.operations) operations.add(operation);
        for (const parent of entry.parents) {
          if (seen.has(parent)) continue;
          seen.add(parent);
          stack.push(parent);
        }
      }
      return operations;
    };
    // A schema reached from several places (a response body here, an array's items there) can report
    // the same change under the same rule twice: once is enough, with all its operations. The sets are
    // shared between a schema's changes (never copied per change) until the list is cut at the end.
    const merged = new Map<string, { change: Change; label: string; operations: Set<string> }>();
    for (const [key, entry] of this.entries) {
      if (!entry.changes.length) continue;
      const operations = affected(key);
      for (const change of entry.changes) {
        const identity = `${change.id}|${change.pointer.base}|${change.pointer.revision}|${change.message}`;
        const known = merged.get(identity);
        if (!known) merged.set(identity, { change, label: entry.label, operations });
        else if (known.operations !== operations) known.operations = new Set([...known.operations, ...operations]);
      }
    }
    const listed = new Map<Set<string>, { first: string[]; index?: number }>();
    return [...merged.values()].map(({ change, label, operations }) => {
      let cut = listed.get(operations);
      if (!cut) {
        const all = [...operations].sort();
        cut = { first: all.slice(0, MAX_LISTED_OPERATIONS) };
        if (reach && all.length > MAX_LISTED_OPERATIONS) cut.index = reach.push(all) - 1;
        listed.set(operations, cut);
      }
      const whole = cut.index === undefined ? {} : { reach: cut.index };
      return { ...change, component: label, operations: cut.first, operationCount: operations.size, ...whole };
    });
  }
}
