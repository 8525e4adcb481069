import AjvCore from "ajv/dist/core.js";
import { documentRegExpEngine } from "@/lib/platform/security/document-regexp";

/**
 * Prism validates requests with Ajv instances it creates at load time with Ajv's default engine
 * (`new RegExp(pattern, "u")`, backtracking), and offers no option to change it. Its validators add a
 * `__bundled__` key to every schema they compile; for those compiles, the instance is switched to the
 * linear-time engine before compiling, so a document's pattern never runs on V8's backtracking engine.
 * Applied once per process; `ajv` is a server-external package so Prism and Wayfinder share one copy.
 */
type Options = { code: { regExp: unknown }; unicodeRegExp: boolean };
const Core = ((AjvCore as unknown as { default?: typeof AjvCore }).default ?? AjvCore) as unknown as {
  prototype: { compile: (this: { opts: Options }, schema: unknown, meta?: boolean) => unknown; __wayfinderLinear?: boolean };
};

export function applyLinearRegExpToPrism(): void {
  if (Core.prototype.__wayfinderLinear) return;
  const compile = Core.prototype.compile;
  Core.prototype.compile = function (schema, meta) {
    if (schema && typeof schema === "object" && Object.prototype.hasOwnProperty.call(schema, "__bundled__")) {
      this.opts.code.regExp = documentRegExpEngine;
      this.opts.unicodeRegExp = false;
    }
    return compile.call(this, schema, meta);
  };
  Core.prototype.__wayfinderLinear = true;
}
