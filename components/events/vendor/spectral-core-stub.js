// @asyncapi/parser's document utilities read one constant of Spectral's; Spectral itself stays on the server.
export class Document {
  static DEFAULT_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
