import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";
import { stringLiteral } from "../client-files";
import { className, fieldName, unique } from "./python-names";

type Json = Record<string, unknown>;

/**
 * A Python type expression in which generated names are marked (`\0Pet\0`), so one expression is
 * written as `Pet` in models.py and `_models.Pet` in client.py.
 */
export type TypeText = string;
const ref = (name: string): TypeText => `\0${name}\0`;
export const renderType = (text: TypeText, prefix = ""): string => text.replace(/\0([^\0]+)\0/g, `${prefix}$1`);

interface Field {
  name: string;
  json: string;
  type: TypeText;
  required: boolean;
  description: string | null;
}
interface ModelClass {
  name: string;
  description: string | null;
  fields: Field[];
}

/** Beyond these, a schema is typed `Any`: a hostile document cannot make the generator run unbounded. */
const MAX_DEPTH = 40;
const MAX_CLASSES = 20_000;

/**
 * The document's schemas as Python: a dataclass for each object schema (named components, and inline
 * objects named after where they sit), a type alias for the rest. Types are built on demand while the
 * client's operations are written, so inline request and response objects get classes too.
 */
export class PythonModels {
  private readonly classes: ModelClass[] = [];
  private readonly aliases = new Map<string, TypeText>();
  private readonly used = new Set<string>(["ApiError", "DecodeError", "Client", "Any", "Literal", "TypeAlias"]);
  /** components/schemas name → Python name. */
  private readonly named = new Map<string, string>();

  constructor(private readonly document: Json) {
    const schemas = isPlainObject(document.components) && isPlainObject(document.components.schemas) ? document.components.schemas : {};
    for (const key of Object.keys(schemas)) this.named.set(key, unique(className(key), this.used));
    for (const [key, schema] of Object.entries(schemas)) {
      const name = this.named.get(key)!;
      if (this.isObject(schema, 0)) this.defineClass(name, schema as Json, 0);
      else this.aliases.set(name, this.typeOf(schema, name, 0));
    }
  }

  private resolve(value: unknown): unknown {
    return deref(this.document, value);
  }

  /** An object with properties (or an allOf of such), which becomes a dataclass. */
  private isObject(schema: unknown, depth: number): boolean {
    if (!isPlainObject(schema) || depth > MAX_DEPTH) return false;
    if (typeof schema.$ref === "string") return false;
    if (isPlainObject(schema.properties) && Object.keys(schema.properties).length) return true;
    return Array.isArray(schema.allOf) && schema.allOf.length > 0 && schema.allOf.every((member) => this.isObject(this.resolve(member), depth + 1));
  }

  /** Properties and required names of an object schema, allOf members merged in order. */
  private collect(schema: Json, depth: number, into: { properties: [string, unknown][]; required: Set<string> }) {
    if (depth > MAX_DEPTH) return into;
    if (Array.isArray(schema.allOf))
      for (const member of schema.allOf) if (isPlainObject(this.resolve(member))) this.collect(this.resolve(member) as Json, depth + 1, into);
    if (isPlainObject(schema.properties)) for (const entry of Object.entries(schema.properties)) into.properties.push(entry);
    if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === "string") into.required.add(name);
    return into;
  }

  private defineClass(name: string, schema: Json, depth: number) {
    const model: ModelClass = { name, description: typeof schema.description === "string" ? schema.description : null, fields: [] };
    this.classes.push(model);
    const { properties, required } = this.collect(schema, depth, { properties: [], required: new Set() });
    const fieldNames = new Set<string>();
    const seen = new Set<string>();
    for (const [json, property] of properties.reverse()) {
      // A later allOf member (or the schema's own properties) overrides an earlier one of the same name.
      if (seen.has(json)) continue;
      seen.add(json);
      const field = unique(fieldName(json, this.used), fieldNames);
      const resolved = this.resolve(property);
      model.fields.push({
        name: field,
        json,
        type: this.typeOf(property, `${name}${className(json)}`, depth + 1),
        required: required.has(json),
        description: isPlainObject(resolved) && typeof resolved.description === "string" ? resolved.description : null,
      });
    }
    model.fields.reverse();
  }

  /** The Python type of a schema; `hint` names the class an inline object becomes. */
  typeOf(schema: unknown, hint: string, depth: number): TypeText {
    if (depth > MAX_DEPTH || !isPlainObject(schema)) return "_t.Any";
    if (typeof schema.$ref === "string") {
      const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
      const key = match ? match[1]!.replace(/~1/g, "/").replace(/~0/g, "~") : null;
      if (key !== null && this.named.has(key)) return ref(this.named.get(key)!);
      return "_t.Any";
    }
    const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null")) || schema.type === "null";
    const orNone = (text: TypeText) => (nullable && text !== "_t.Any" && !text.endsWith(" | None") ? `${text} | None` : text);
    if (Array.isArray(schema.enum) && schema.enum.length) {
      const literals = schema.enum.flatMap((value) =>
        typeof value === "string"
          ? [stringLiteral(value)]
          : typeof value === "boolean"
            ? [value ? "True" : "False"]
            : Number.isInteger(value)
              ? [String(value)]
              : [],
      );
      const hasNull = schema.enum.includes(null);
      if (literals.length === schema.enum.length - (hasNull ? 1 : 0) && literals.length)
        return hasNull || nullable ? `_t.Literal[${literals.join(", ")}] | None` : `_t.Literal[${literals.join(", ")}]`;
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const members = schema[key];
      if (Array.isArray(members) && members.length) {
        const types = [...new Set(members.map((member, index) => this.typeOf(member, `${hint}${index + 1}`, depth + 1)))];
        return types.includes("_t.Any") ? "_t.Any" : orNone(types.join(" | "));
      }
    }
    if (this.isObject(schema, depth)) {
      if (this.classes.length >= MAX_CLASSES) return "_t.Any";
      const name = unique(className(hint), this.used);
      this.defineClass(name, schema, depth);
      return orNone(ref(name));
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return orNone(this.typeOf(schema.allOf[0], hint, depth + 1));
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== "null");
    if (types.length !== 1) return "_t.Any";
    switch (types[0]) {
      case "string":
        return orNone("str");
      case "integer":
        return orNone("int");
      case "number":
        return orNone("float");
      case "boolean":
        return orNone("bool");
      case "array": {
        const item = this.typeOf(schema.items, `${hint}Item`, depth + 1);
        return orNone(`list[${item}]`);
      }
      case "object": {
        const extra = schema.additionalProperties;
        const value = isPlainObject(extra) ? this.typeOf(extra, `${hint}Value`, depth + 1) : "_t.Any";
        return orNone(`dict[str, ${value}]`);
      }
      default:
        return "_t.Any";
    }
  }

  /** models.py: every dataclass, then the aliases (ordered so that each follows the aliases it names). */
  source(docstring: string): string {
    const lines = [`"""${docstring}"""`, "from __future__ import annotations", "", "import dataclasses", "import typing as _t", ""];
    for (const model of this.classes) {
      lines.push("", "@dataclasses.dataclass(kw_only=True)", `class ${model.name}:`);
      if (model.description) lines.push(`    ${docComment(model.description)}`);
      if (!model.fields.length) lines.push("    pass");
      for (const field of model.fields) {
        const type = renderType(field.type);
        const optional = !field.required && !type.endsWith(" | None") && type !== "_t.Any" ? `${type} | None` : type;
        const metadata = field.json === field.name ? "" : `metadata={"json": ${stringLiteral(field.json)}}`;
        const value = field.required
          ? metadata
            ? ` = dataclasses.field(${metadata})`
            : ""
          : metadata
            ? ` = dataclasses.field(default=None, ${metadata})`
            : " = None";
        lines.push(`    ${field.name}: ${field.required ? type : optional}${value}`);
      }
      lines.push("");
    }
    lines.push(...this.aliasLines());
    return `${lines.join("\n")}\n`;
  }

  private aliasLines(): string[] {
    const lines: string[] = [];
    const done = new Set<string>();
    const visiting = new Set<string>();
    const emit = (name: string) => {
      if (done.has(name)) return;
      const text = this.aliases.get(name)!;
      if (visiting.has(name)) return;
      visiting.add(name);
      for (const [, other] of text.matchAll(/\0([^\0]+)\0/g)) if (this.aliases.has(other!) && other !== name) emit(other!);
      visiting.delete(name);
      // An alias within a cycle of aliases (A = list[B], B = A | None) cannot be written at run time: it is Any.
      const cyclic = [...text.matchAll(/\0([^\0]+)\0/g)].some(([, other]) => this.aliases.has(other!) && !done.has(other!));
      lines.push(`${name}: _t.TypeAlias = ${cyclic ? "_t.Any" : renderType(text)}`);
      done.add(name);
    };
    for (const name of this.aliases.keys()) emit(name);
    return lines;
  }
}

/** A description as a Python docstring on one line: no quotes or backslashes that could end it early. */
export function docComment(text: string): string {
  return `"""${text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")
    .replace(/\\/g, "/")
    .replace(/"/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300)}"""`;
}
