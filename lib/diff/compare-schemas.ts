import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "./api-model";
import type { Change } from "./diff-types";
import { rule, type SchemaPlace } from "./rules";
import type { SharedSchemas } from "./shared-schemas";
import { escapePointerKey } from "@/lib/openapi/json-pointer";

/**
 * Compares two schemas as a client sees them, following `$ref`s on both sides (so a schema moved into
 * components, or a renamed component, is no change) and stopping at a pair already being compared (so
 * circular schemas terminate). `place` says where the schema is; nested properties of a body are
 * reported as `request-property` / `response-property`, and the rule's level follows the direction.
 */
type Json = Record<string, unknown>;

export interface SchemaContext {
  baseRoot: Json;
  revisionRoot: Json;
  /** Whose schema this is: an operation's own, or a shared one's (the key in `shared`). */
  owner: { operation?: string; shared?: string };
  shared: SharedSchemas;
  /** What the message names, e.g. `the request body`, `query parameter "limit"`. */
  subject: string;
  place: SchemaPlace;
  basePointer: string;
  revisionPointer: string;
  emit(change: Change): void;
}

const MAX_DEPTH = 48;

/** Patterns that accept any string: widening to one is no constraint at all. */
const ANY_STRING = new Set([".*", "^.*$", "^.*", ".*$"]);

/**
 * Keywords whose value is one schema applying to the same value or to its parts. Not `not`: tightening
 * what it excludes loosens what it accepts, so a change inside it cannot be classified by direction.
 */
const SUBSCHEMA_KEYWORDS = ["if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"] as const;

/** Where a schema nested in this one is: a parameter's properties are the parameter's, a body's are properties. */
function nestedPlace(place: SchemaPlace): SchemaPlace {
  if (place === "request-parameter" || place === "request-parameter-property") return "request-parameter-property";
  return place.startsWith("request") ? "request-property" : "response-property";
}

/** A schema's shape for matching alternatives: its type, title and property names. */
function shapeOf(root: Json, schema: unknown): string {
  const resolved = deref(root, schema);
  if (!isPlainObject(resolved)) return "";
  const properties = isPlainObject(resolved.properties) ? Object.keys(resolved.properties).sort().join(",") : "";
  return `${JSON.stringify(resolved.type ?? null)}|${typeof resolved.title === "string" ? resolved.title : ""}|${properties}`;
}

/**
 * Pairs each alternative of a oneOf/anyOf with its counterpart: the same $ref first, then the same
 * shape, then the rest in order. Matching by position alone reported a reordering as every property
 * removed from the wrong schema.
 */
function matchAlternatives(context: SchemaContext, before: unknown[], after: unknown[]): [number, number][] {
  if (before.length === 1 && after.length === 1) return [[0, 0]];
  const pairs: [number, number][] = [];
  const freeBefore = new Set(before.keys());
  const freeAfter = new Set(after.keys());
  const pass = (keysBefore: (string | null)[], keysAfter: (string | null)[]) => {
    const byKey = new Map<string, number[]>();
    for (const j of freeAfter) {
      const key = keysAfter[j];
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), j]);
    }
    for (const i of [...freeBefore]) {
      const j = keysBefore[i] ? byKey.get(keysBefore[i])?.shift() : undefined;
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeBefore.delete(i);
      freeAfter.delete(j);
    }
  };
  pass(before.map(refOf), after.map(refOf));
  if (!freeBefore.size || !freeAfter.size) return pairs;
  const shapes = (root: Json, list: unknown[], free: Set<number>) =>
    list.map((schema, i) => (free.has(i) && !refOf(schema) ? shapeOf(root, schema) || null : null));
  pass(shapes(context.baseRoot, before, freeBefore), shapes(context.revisionRoot, after, freeAfter));
  const restAfter = [...freeAfter];
  [...freeBefore].forEach((i, n) => {
    if (restAfter[n] !== undefined) pairs.push([i, restAfter[n]]);
  });
  return pairs;
}

function typesOf(schema: Json): { types: Set<string>; nullable: boolean } {
  const raw = schema.type;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
  const nullable = schema.nullable === true || list.includes("null") || (Array.isArray(schema.enum) && schema.enum.includes(null));
  return { types: new Set(list.filter((type) => type !== "null").map((type) => (type === "integer" ? "integer" : type))), nullable };
}

/** allOf parts folded into one schema's properties and required list (enough for comparing objects). */
function flatten(root: Json, schema: Json, depth = 0): Json {
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const properties: Json = { ...(isPlainObject(schema.properties) ? schema.properties : {}) };
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required.map(String) : []);
  let type = schema.type;
  for (const part of schema.allOf) {
    const resolved = deref(root, part);
    if (!isPlainObject(resolved)) continue;
    const flat = flatten(root, resolved, depth + 1);
    Object.assign(properties, isPlainObject(flat.properties) ? flat.properties : {});
    for (const name of Array.isArray(flat.required) ? flat.required : []) required.add(String(name));
    type ??= flat.type;
  }
  const { allOf: _allOf, ...rest } = schema;
  return { ...rest, ...(type === undefined ? {} : { type }), properties, required: [...required] };
}

const bound = (schema: Json, keys: string[]): number | undefined => {
  for (const key of keys) if (typeof schema[key] === "number") return schema[key];
  return undefined;
};
const refOf = (value: unknown) => (isPlainObject(value) && typeof value.$ref === "string" ? value.$ref : null);
const patternOf = (schema: Json) => (typeof schema.pattern === "string" && schema.pattern !== "" ? schema.pattern : undefined);
const allOfRefs = (schema: Json) => (Array.isArray(schema.allOf) ? schema.allOf.map(refOf).filter((ref): ref is string => ref !== null) : []);
const inlineAllOf = (schema: Json) => (Array.isArray(schema.allOf) ? schema.allOf.filter((part) => refOf(part) === null).length : 0);
const discriminator = (schema: Json) => (isPlainObject(schema.discriminator) ? JSON.stringify(schema.discriminator) : undefined);
const closed = (schema: Json) => schema.additionalProperties === false;
const EXCLUSIVE_FLAGS = [
  ["exclusiveMinimum", "minimum", "min-increased", "min-decreased"],
  ["exclusiveMaximum", "maximum", "max-decreased", "max-increased"],
] as const;

/** `#/components/schemas/Pet` → `schema Pet` (and Swagger 2.0's `#/definitions/Pet` alike). */
const componentLabel = (ref: string) =>
  `schema ${decodeURIComponent(ref.split("/").at(-1) ?? ref)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~")}`;

export function compareSchemas(base: unknown, revision: unknown, context: SchemaContext, seen = new Set<string>(), depth = 0): void {
  if (depth > MAX_DEPTH || context.shared.unchanged(base, revision)) return;
  const refA = refOf(base);
  const refB = refOf(revision);
  if (refA && refB) {
    // A shared schema on both sides: compared once for the whole diff, reported once (shared-schemas.ts).
    const key = `${refA}|${refB}|${context.place}`;
    const { isNew, collect } = context.shared.reach(key, componentLabel(refB), context.owner);
    if (!isNew) return;
    const inner: SchemaContext = {
      ...context,
      owner: { shared: key },
      subject: componentLabel(refB),
      basePointer: refA.slice(1),
      revisionPointer: refB.slice(1),
      emit: collect,
    };
    compareSchemas(deref(context.baseRoot, base), deref(context.revisionRoot, revision), inner, new Set(), depth + 1);
    return;
  }
  const pair = `${refA ?? context.basePointer}|${refB ?? context.revisionPointer}`;
  if (seen.has(pair)) return;
  seen.add(pair);
  const a = deref(context.baseRoot, base);
  const b = deref(context.revisionRoot, revision);
  if (!isPlainObject(a) || !isPlainObject(b)) return;
  const before = flatten(context.baseRoot, a);
  const after = flatten(context.revisionRoot, b);

  const report = (change: string, message: string, values: { before?: unknown; after?: unknown } = {}) => {
    const found = rule(`${context.place}-${change}`);
    context.emit({
      id: found.id,
      level: found.level,
      ...(context.owner.operation ? { operation: context.owner.operation } : {}),
      pointer: { base: context.basePointer, revision: context.revisionPointer },
      ...values,
      message: `${context.subject}: ${message}`,
    });
  };

  // One side became a choice of schemas (oneOf/anyOf) around what the other side is, or stopped being
  // one: compare with the alternative that matches (by reference, else the first), and say so.
  const choice = (schema: Json) =>
    Array.isArray(schema.oneOf) ? (schema.oneOf as unknown[]) : Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]) : null;
  const matching = (alternatives: unknown[], ref: string | null) =>
    alternatives.find((alternative) => ref !== null && refOf(alternative) === ref) ?? alternatives[0];
  const choiceBefore = choice(before);
  const choiceAfter = choice(after);
  if (!choiceBefore && choiceAfter?.length) {
    if (Array.isArray(after.oneOf))
      report("wrapped-in-one-of", `became a oneOf of ${choiceAfter.length} schemas around what it was`, { after: choiceAfter.length });
    else
      report("one-of-added", `may now also be ${choiceAfter.length - 1 === 1 ? "another schema" : `one of ${choiceAfter.length - 1} other schemas`}`, {
        after: choiceAfter.length,
      });
    compareSchemas(base, matching(choiceAfter, refA), context, seen, depth + 1);
    return;
  }
  if (choiceBefore?.length && !choiceAfter) {
    report("one-of-removed", `is no longer a choice of ${choiceBefore.length} schemas`, { before: choiceBefore.length });
    compareSchemas(matching(choiceBefore, refB), revision, context, seen, depth + 1);
    return;
  }

  // Types, and null
  const typesBefore = typesOf(before);
  const typesAfter = typesOf(after);
  if (typesBefore.types.size && typesAfter.types.size) {
    const removed = [...typesBefore.types].filter((type) => !typesAfter.types.has(type) && !(type === "integer" && typesAfter.types.has("number")));
    const added = [...typesAfter.types].filter((type) => !typesBefore.types.has(type));
    const values = { before: [...typesBefore.types].join("|"), after: [...typesAfter.types].join("|") };
    // In a parameter's serialisation everything is a string: string → number narrows, number → string widens.
    const specialized = context.place === "request-parameter-property" && values.before === "string" && ["number", "integer", "boolean"].includes(values.after);
    if (specialized) report("type-specialized", `type specialized from string to ${values.after}`, values);
    else if (removed.length && added.length) report("type-changed", `type changed from ${values.before} to ${values.after}`, values);
    else if (added.length) report("type-generalized", `now also ${added.join(", ")} (was ${values.before})`, values);
    else if (removed.length) report("type-narrowed", `no longer ${removed.join(", ")} (now ${values.after})`, values);
  }
  if (!typesBefore.nullable && typesAfter.nullable) report("became-nullable", "may now be null");
  if (typesBefore.nullable && !typesAfter.nullable && (typesAfter.types.size || "nullable" in after || Array.isArray(after.type)))
    report("became-not-nullable", "may no longer be null");
  if (typeof before.format === "string" && typeof after.format === "string" && before.format !== after.format)
    report("format-changed", `format changed from ${before.format} to ${after.format}`, { before: before.format, after: after.format });

  // Enumerations
  if (Array.isArray(before.enum) && Array.isArray(after.enum)) {
    const key = (value: unknown) => JSON.stringify(value);
    const afterValues = new Set(after.enum.map(key));
    const beforeValues = new Set(before.enum.map(key));
    for (const value of before.enum)
      if (!afterValues.has(key(value))) report("enum-value-removed", `value ${key(value)} is no longer allowed`, { before: value });
    for (const value of after.enum) if (!beforeValues.has(key(value))) report("enum-value-added", `value ${key(value)} is now allowed`, { after: value });
  } else if (!Array.isArray(before.enum) && Array.isArray(after.enum)) {
    report("enum-value-removed", `values are now limited to ${after.enum.map((value) => JSON.stringify(value)).join(", ")}`, { after: after.enum });
  }

  if (Array.isArray(before["x-extensible-enum"]) && Array.isArray(after["x-extensible-enum"])) {
    const kept = new Set(after["x-extensible-enum"].map((value) => JSON.stringify(value)));
    for (const value of before["x-extensible-enum"])
      if (!kept.has(JSON.stringify(value)))
        report("x-extensible-enum-value-removed", `x-extensible-enum value ${JSON.stringify(value)} was removed`, { before: value });
  }
  if ("const" in after && (!("const" in before) || JSON.stringify(before.const) !== JSON.stringify(after.const)))
    report("const-changed", `must now be ${JSON.stringify(after.const)}`, { before: before.const, after: after.const });
  if ("default" in before && "default" in after && JSON.stringify(before.default) !== JSON.stringify(after.default))
    report("default-changed", `default changed from ${JSON.stringify(before.default)} to ${JSON.stringify(after.default)}`, {
      before: before.default,
      after: after.default,
    });

  // Bounds: maximum / maxLength / maxItems, and the minimums
  for (const [label, maxKeys, minKeys] of [
    ["value", ["maximum", "exclusiveMaximum"], ["minimum", "exclusiveMinimum"]],
    ["length", ["maxLength"], ["minLength"]],
    ["items", ["maxItems"], ["minItems"]],
    ["properties", ["maxProperties"], ["minProperties"]],
  ] as const) {
    const maxBefore = bound(before, [...maxKeys]);
    const maxAfter = bound(after, [...maxKeys]);
    if (maxBefore !== maxAfter) {
      if (label === "length" && maxBefore === undefined && maxAfter !== undefined)
        report("max-length-set", `maximum length set to ${maxAfter}`, { after: maxAfter });
      else if (maxAfter !== undefined && (maxBefore === undefined || maxAfter < maxBefore))
        report("max-decreased", `maximum ${label} ${maxBefore === undefined ? "set to" : `lowered from ${maxBefore} to`} ${maxAfter}`, {
          before: maxBefore,
          after: maxAfter,
        });
      else
        report("max-increased", `maximum ${label} ${maxAfter === undefined ? `${maxBefore} removed` : `raised from ${maxBefore} to ${maxAfter}`}`, {
          before: maxBefore,
          after: maxAfter,
        });
    }
    const minBefore = bound(before, [...minKeys]);
    const minAfter = bound(after, [...minKeys]);
    if (minBefore !== minAfter) {
      if (minAfter !== undefined && (minBefore === undefined || minAfter > minBefore))
        report("min-increased", `minimum ${label} ${minBefore === undefined ? "set to" : `raised from ${minBefore} to`} ${minAfter}`, {
          before: minBefore,
          after: minAfter,
        });
      else
        report("min-decreased", `minimum ${label} ${minAfter === undefined ? `${minBefore} removed` : `lowered from ${minBefore} to ${minAfter}`}`, {
          before: minBefore,
          after: minAfter,
        });
    }
  }

  // OpenAPI 3.0's exclusiveMinimum/Maximum are flags on the same bound: turning one on tightens it.
  for (const [flag, bounds, tighter, looser] of EXCLUSIVE_FLAGS) {
    if (before[bounds] !== after[bounds] || (typeof before[flag] !== "boolean" && typeof after[flag] !== "boolean")) continue;
    if (before[flag] !== true && after[flag] === true) report(tighter, `${bounds} ${String(after[bounds])} became exclusive`, { after: true });
    if (before[flag] === true && after[flag] !== true) report(looser, `${bounds} ${String(after[bounds])} is no longer exclusive`, { before: true });
  }
  if (before.multipleOf !== after.multipleOf && typeof after.multipleOf === "number")
    report("multiple-of-changed", `must now be a multiple of ${after.multipleOf}`, { before: before.multipleOf, after: after.multipleOf });
  if (before.uniqueItems !== true && after.uniqueItems === true) report("unique-items-set", "items must now be unique");
  if (before.uniqueItems === true && after.uniqueItems !== true) report("unique-items-unset", "items need no longer be unique");

  // Pattern ('' is none; `.*` accepts any string)
  const patternBefore = patternOf(before);
  const patternAfter = patternOf(after);
  if (patternBefore !== patternAfter) {
    if (patternAfter !== undefined && ANY_STRING.has(patternAfter))
      report("pattern-generalized", `no longer restricted by ${patternBefore ?? "a pattern"}`, { before: patternBefore, after: patternAfter });
    else if (patternBefore === undefined) report("pattern-added", `must now match ${patternAfter}`, { after: patternAfter });
    else if (patternAfter === undefined) report("pattern-removed", `no longer has to match ${patternBefore}`, { before: patternBefore });
    else report("pattern-changed", `pattern changed from ${patternBefore} to ${patternAfter}`, { before: patternBefore, after: patternAfter });
  }

  // allOf members: those that refer to a component by what they refer to, inline ones by how many
  // there are (their content is compared through flatten(), so editing one is not removing it)
  const refsBefore = allOfRefs(a);
  const refsAfter = allOfRefs(b);
  for (const ref of refsBefore) if (!refsAfter.includes(ref)) report("all-of-removed", `${componentLabel(ref)} was removed from its allOf`, { before: ref });
  if (Array.isArray(a.allOf))
    for (const ref of refsAfter) if (!refsBefore.includes(ref)) report("all-of-added", `${componentLabel(ref)} was added to its allOf`, { after: ref });
  const inlineBefore = inlineAllOf(a);
  const inlineAfter = inlineAllOf(b);
  if (inlineAfter < inlineBefore)
    report("all-of-removed", `${inlineBefore - inlineAfter} inline schema(s) removed from its allOf`, { before: inlineBefore, after: inlineAfter });
  if (inlineAfter > inlineBefore && Array.isArray(a.allOf))
    report("all-of-added", `${inlineAfter - inlineBefore} inline schema(s) added to its allOf`, { before: inlineBefore, after: inlineAfter });

  // Discriminator
  if ((before.discriminator !== undefined || after.discriminator !== undefined) && discriminator(before) !== discriminator(after))
    report("discriminator-changed", "its discriminator changed", { before: before.discriminator, after: after.discriminator });

  // Alternatives (oneOf / anyOf), each matched with its counterpart by $ref, then by shape, then in order
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const listBefore = Array.isArray(before[keyword]) ? (before[keyword] as unknown[]) : [];
    const listAfter = Array.isArray(after[keyword]) ? (after[keyword] as unknown[]) : [];
    if (listAfter.length < listBefore.length)
      report("one-of-removed", `${keyword} went from ${listBefore.length} to ${listAfter.length} alternatives`, {
        before: listBefore.length,
        after: listAfter.length,
      });
    if (listAfter.length > listBefore.length && listBefore.length)
      report("one-of-added", `${keyword} went from ${listBefore.length} to ${listAfter.length} alternatives`, {
        before: listBefore.length,
        after: listAfter.length,
      });
    for (const [i, j] of matchAlternatives(context, listBefore, listAfter)) {
      compareSchemas(
        listBefore[i],
        listAfter[j],
        { ...context, basePointer: `${context.basePointer}/${keyword}/${i}`, revisionPointer: `${context.revisionPointer}/${keyword}/${j}` },
        seen,
        depth + 1,
      );
    }
  }

  // Sub-schemas JSON Schema applies to the same value or its parts (if/then/else, contains, …)
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    if (!isPlainObject(before[keyword]) || !isPlainObject(after[keyword])) continue;
    compareSchemas(
      before[keyword],
      after[keyword],
      {
        ...context,
        place: nestedPlace(context.place),
        subject: `${context.subject} (${keyword})`,
        basePointer: `${context.basePointer}/${keyword}`,
        revisionPointer: `${context.revisionPointer}/${keyword}`,
      },
      seen,
      depth + 1,
    );
  }
  if (Array.isArray(before.prefixItems) && Array.isArray(after.prefixItems)) {
    for (let i = 0; i < Math.min(before.prefixItems.length, after.prefixItems.length); i += 1)
      compareSchemas(
        before.prefixItems[i],
        after.prefixItems[i],
        {
          ...context,
          place: nestedPlace(context.place),
          subject: `${context.subject} (item ${i})`,
          basePointer: `${context.basePointer}/prefixItems/${i}`,
          revisionPointer: `${context.revisionPointer}/prefixItems/${i}`,
        },
        seen,
        depth + 1,
      );
  }

  // Properties it does not name
  if (!closed(before) && closed(after) && (before.type === "object" || isPlainObject(before.properties)))
    report("additional-properties-narrowed", "no longer accepts properties it does not name");
  if (closed(before) && !closed(after)) report("additional-properties-widened", "may now have properties it does not name");
  if (isPlainObject(before.additionalProperties) && isPlainObject(after.additionalProperties))
    compareSchemas(
      before.additionalProperties,
      after.additionalProperties,
      {
        ...context,
        place: nestedPlace(context.place),
        subject: `${context.subject} (additional properties)`,
        basePointer: `${context.basePointer}/additionalProperties`,
        revisionPointer: `${context.revisionPointer}/additionalProperties`,
      },
      seen,
      depth + 1,
    );

  // Array items
  if (before.items !== undefined && after.items !== undefined) {
    compareSchemas(
      before.items,
      after.items,
      { ...context, subject: `${context.subject} (items)`, basePointer: `${context.basePointer}/items`, revisionPointer: `${context.revisionPointer}/items` },
      seen,
      depth + 1,
    );
  }

  // Object properties
  const propsBefore = isPlainObject(before.properties) ? before.properties : {};
  const propsAfter = isPlainObject(after.properties) ? after.properties : {};
  const requiredBefore = new Set(Array.isArray(before.required) ? before.required.map(String) : []);
  const requiredAfter = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
  const request = context.place.startsWith("request");
  const nested = nestedPlace(context.place);
  const emitFixed = (id: string, message: string, name: string, values: { before?: unknown; after?: unknown } = {}) => {
    const found = rule(id);
    context.emit({
      id,
      level: found.level,
      ...(context.owner.operation ? { operation: context.owner.operation } : {}),
      pointer: {
        base: `${context.basePointer}/properties/${escapePointerKey(name)}`,
        revision: `${context.revisionPointer}/properties/${escapePointerKey(name)}`,
      },
      ...values,
      message: `${context.subject}: ${message}`,
    });
  };
  for (const name of Object.keys(propsBefore)) {
    if (!(name in propsAfter)) {
      const readOnlyInRequest =
        request && isPlainObject(deref(context.baseRoot, propsBefore[name])) && (deref(context.baseRoot, propsBefore[name]) as Json).readOnly === true;
      if (readOnlyInRequest) continue;
      if (request) emitFixed("request-property-removed", `property "${name}" was removed`, name);
      else
        emitFixed(
          requiredBefore.has(name) ? "response-required-property-removed" : "response-optional-property-removed",
          `property "${name}" was removed`,
          name,
        );
    }
  }
  for (const name of Object.keys(propsAfter)) {
    const property = deref(context.revisionRoot, propsAfter[name]);
    const readOnly = isPlainObject(property) && property.readOnly === true;
    const writeOnly = isPlainObject(property) && property.writeOnly === true;
    if (!(name in propsBefore)) {
      if (request && !readOnly)
        emitFixed(
          requiredAfter.has(name) ? "new-required-request-property" : "new-optional-request-property",
          `property "${name}" was added${requiredAfter.has(name) ? " as required" : ""}`,
          name,
        );
      else if (!request && !writeOnly) emitFixed("response-property-added", `property "${name}" was added`, name);
      continue;
    }
    if (request && !readOnly) {
      if (!requiredBefore.has(name) && requiredAfter.has(name)) emitFixed("request-property-became-required", `property "${name}" became required`, name);
      if (requiredBefore.has(name) && !requiredAfter.has(name)) emitFixed("request-property-became-optional", `property "${name}" became optional`, name);
    }
    if (!request && !writeOnly && requiredAfter.has(name) && (deref(context.baseRoot, propsBefore[name]) as Json | undefined)?.writeOnly === true)
      emitFixed("response-required-property-became-not-write-only", `required property "${name}" is no longer write-only, so responses carry it`, name);
    if (!request && !writeOnly) {
      if (requiredBefore.has(name) && !requiredAfter.has(name))
        emitFixed("response-property-became-optional", `property "${name}" is no longer always sent`, name);
      if (!requiredBefore.has(name) && requiredAfter.has(name)) emitFixed("response-property-became-required", `property "${name}" is now always sent`, name);
    }
    compareSchemas(
      propsBefore[name],
      propsAfter[name],
      {
        ...context,
        place: nested,
        subject: `${context.subject} property "${name}"`,
        basePointer: `${context.basePointer}/properties/${escapePointerKey(name)}`,
        revisionPointer: `${context.revisionPointer}/properties/${escapePointerKey(name)}`,
      },
      seen,
      depth + 1,
    );
  }
}
