import { addPatternExamples } from "@/lib/mock/pattern-examples";

type Json = Record<string, unknown>;

/**
 * The document as Swagger UI pre-fills it: every string schema with a pattern, a known format or a
 * telling property name gets the example the code samples and the mock use (`jane.doe@example.com`, a
 * URL, a value matching its pattern), where Swagger UI would write "string" or its own regex noise (the
 * portal's `onCallUrl` was `https://s7(H.LKmG3oU<2uNs[^QZ-*mF@29Du`). Examples, defaults and enums the
 * document gives stay; patterns stay, shown as written.
 */
export function withRealisticExamples(document: Json): Json {
  const out: Json = { ...document };
  for (const section of ["paths", "components", "definitions", "parameters", "webhooks"])
    if (document[section] && typeof document[section] === "object") out[section] = addPatternExamples(document[section] as Json, { keepPatterns: true });
  return out;
}
