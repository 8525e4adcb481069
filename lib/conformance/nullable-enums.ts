import type { IHttpOperation } from "@stoplight/types";

const patched = new WeakSet<object>();

function walk(node: unknown, seen: WeakSet<object>): void {
  if (!node || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) walk(item, seen);
    return;
  }
  const schema = node as Record<string, unknown>;
  if ((schema.nullable === true || schema["x-nullable"] === true) && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  for (const [key, value] of Object.entries(schema)) if (key !== "enum" && key !== "example" && key !== "examples") walk(value, seen);
}

/**
 * Lets null through a `nullable` schema that also has an `enum` without null. OpenAPI 3.0.3 reads the
 * enum as refusing null, and Prism's validator does; but services answer null there (Twilio documents
 * `verification_method: { enum: [sms, voice], nullable: true }` and sends null), and the mock's own
 * converter and most tools take `nullable` to add null. A checker that flagged it would cry wolf on
 * every such response. Done once per operation list, in place (the list is the mock's, cached per document).
 */
export function allowNullInNullableEnums(operations: IHttpOperation[]): void {
  if (patched.has(operations)) return;
  patched.add(operations);
  const seen = new WeakSet<object>();
  for (const operation of operations) {
    walk((operation as IHttpOperation & { __bundled__?: unknown }).__bundled__, seen);
    for (const response of operation.responses) walk(response, seen);
  }
}
