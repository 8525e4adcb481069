import { isPlainObject } from "@/lib/openapi/detect-format";
import { resolvePointer } from "@/lib/openapi/json-pointer";

/** Where a `#/paths/…` target goes among the components, by what it is (the pointer's last segments say). */
function componentKind(ref: string): string | null {
  if (/\/parameters\/\d+$/.test(ref)) return "parameters";
  if (/\/responses\/[^/]+$/.test(ref)) return "responses";
  if (/\/headers\/[^/]+$/.test(ref)) return "headers";
  if (/\/requestBody$/.test(ref)) return "requestBodies";
  if (/\/(schema|items|additionalProperties|not)$|\/(properties|allOf|anyOf|oneOf|prefixItems)\/[^/]+$/.test(ref)) return "schemas";
  return null;
}

/**
 * A copy of a stored document whose every reference resolves inside it, as a client generator needs.
 * A stored document is bundled, but may still name other files or URLs (an unresolved `$ref`, a
 * discriminator mapping to `models/x.yml`) or a pointer into nothing: openapi-typescript's resolver
 * would read such a file from the portal's disk, fetch the URL, or give up on the whole document. Such
 * a `$ref` becomes `{}` (any value) and such a mapping entry is dropped. A `$ref` into `#/paths/…`
 * (bundlers write them for a parameter or response used twice, as in DigitalOcean's document) is
 * pointed at a copy of its target among the components: openapi-typescript would turn it into a type
 * path that does not exist when it goes through a parameter list's index. Iterative, so a deeply
 * nested document cannot exhaust the stack.
 */
export function localRefsOnly(document: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document);
  const components = (isPlainObject(copy.components) ? copy.components : (copy.components = {})) as Record<string, Record<string, unknown>>;
  const schemas = isPlainObject(components.schemas) ? components.schemas : {};
  const resolves = (ref: string) => ref.startsWith("#") && resolvePointer(copy, ref) !== undefined;
  const dangling = (value: unknown) => isPlainObject(value) && typeof value.$ref === "string" && !resolves(value.$ref);
  // `#/paths/…` target → the component it was copied to (`#/components/parameters/wf_paths_3`).
  const hoisted = new Map<string, string>();
  const hoist = (ref: string): string | null => {
    const known = hoisted.get(ref);
    if (known) return known;
    const kind = componentKind(ref);
    if (!kind) return null;
    const section = (isPlainObject(components[kind]) ? components[kind] : (components[kind] = {})) as Record<string, unknown>;
    let name = `wf_paths_${hoisted.size + 1}`;
    while (Object.hasOwn(section, name)) name += "_";
    const target = `#/components/${kind}/${name}`;
    hoisted.set(ref, target);
    // A chain of references into paths is followed to its end (a loop of them is any value).
    let value = resolvePointer(copy, ref);
    for (const seen = new Set([ref]); isPlainObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/paths/");) {
      if (seen.has(value.$ref)) value = {};
      else {
        seen.add(value.$ref);
        value = resolvePointer(copy, value.$ref);
      }
    }
    section[name] = structuredClone(value ?? {});
    stack.push(section[name]);
    return target;
  };
  const stack: unknown[] = [copy];
  while (stack.length) {
    const node = stack.pop();
    if (!isPlainObject(node) && !Array.isArray(node)) continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (dangling(value)) {
        (node as Record<string | number, unknown>)[key] = {};
        continue;
      }
      if (isPlainObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/paths/")) {
        const target = hoist(value.$ref);
        // What cannot be a component (a callback, a link) is left as it was.
        if (target) (node as Record<string | number, unknown>)[key] = { $ref: target };
        continue;
      }
      if (key === "discriminator" && isPlainObject(value) && isPlainObject(value.mapping)) {
        const mapping = value.mapping;
        for (const [name, target] of Object.entries(mapping))
          if (typeof target !== "string" || !(resolves(target) || Object.hasOwn(schemas, target))) delete mapping[name];
      }
      stack.push(value);
    }
  }
  return copy;
}

/**
 * operationIds made unique (a repeated one gets `_2`, `_3`…): openapi-typescript refuses a document
 * that repeats one, which OpenAPI forbids but the official schema cannot check. Changes `document`.
 */
export function uniqueOperationIds(document: Record<string, unknown>): void {
  if (!isPlainObject(document.paths)) return;
  const seen = new Set<string>();
  for (const item of Object.values(document.paths)) {
    if (!isPlainObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isPlainObject(operation) || typeof operation.operationId !== "string") continue;
      let id = operation.operationId;
      for (let n = 2; seen.has(id); n += 1) id = `${operation.operationId}_${n}`;
      seen.add(id);
      operation.operationId = id;
    }
  }
}
