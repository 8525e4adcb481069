import { isPlainObject } from "@/lib/openapi/detect-format";

/**
 * The component schemas that refer to themselves without passing through an object's properties
 * (`A: B | string`, `B: A[]`). TypeScript cannot write such a type (TS2502), so the TypeScript client
 * types them `unknown`; a cycle through an object (a tree) is fine and is kept.
 */
export function aliasCycles(document: Record<string, unknown>): Set<string> {
  const schemas = isPlainObject(document.components) && isPlainObject(document.components.schemas) ? document.components.schemas : {};
  // For each schema, the schemas it names outside any object's properties.
  const edges = new Map<string, string[]>();
  for (const [name, schema] of Object.entries(schemas)) {
    const named: string[] = [];
    const stack: unknown[] = [schema];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      if (!isPlainObject(node)) continue;
      if (typeof node.$ref === "string") {
        const match = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
        if (match) named.push(match[1]!.replace(/~1/g, "/").replace(/~0/g, "~"));
        continue;
      }
      for (const [key, value] of Object.entries(node))
        if (key !== "properties" && key !== "additionalProperties" && key !== "patternProperties") stack.push(value);
    }
    edges.set(name, named);
  }
  // Tarjan's strongly connected components, iteratively: a member of a component of two or more, or one that names itself, is in a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cyclic = new Set<string>();
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      if (next === 0) {
        index.set(node, counter);
        low.set(node, counter);
        counter += 1;
        stack.push(node);
        onStack.add(node);
      }
      const targets = (edges.get(node) ?? []).filter((target) => edges.has(target));
      if (next < targets.length) {
        frame[1] += 1;
        const target = targets[next]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== node);
        if (members.length > 1 || (edges.get(node) ?? []).includes(node)) for (const name of members) cyclic.add(name);
      }
    }
  }
  return cyclic;
}
