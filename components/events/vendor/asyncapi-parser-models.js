// What the AsyncAPI React component needs of @asyncapi/parser in the browser: the document models
// and the functions that rebuild a document the server parsed (`…/document?form=parsed`). The parser
// itself (Spectral, Ajv) stays on the server: it compiles schemas with `new Function`, which the
// portal's Content-Security-Policy refuses, and reads files. Webpack aliases the package here for the
// client (next.config.mjs).
export * from "@asyncapi/parser/esm/models";
export { stringify, unstringify } from "@asyncapi/parser/esm/stringify";
export { createAsyncAPIDocument, toAsyncAPIDocument, isAsyncAPIDocument, isOldAsyncAPIDocument, isStringifiedDocument } from "@asyncapi/parser/esm/document";
export { DiagnosticSeverity } from "@stoplight/types";

/** Never called: the component parses only when given raw text, and the portal gives it a parsed document. */
export class Parser {
  registerSchemaParser() {}
  async parse() {
    throw new Error("AsyncAPI documents are parsed on the server.");
  }
}
export async function fromURL() {
  throw new Error("AsyncAPI documents are parsed on the server.");
}
