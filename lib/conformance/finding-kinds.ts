/**
 * The ways an exchange can depart from its contract. Apart from check-exchange.ts so that what only
 * names them (the REST contract's schemas, verify's recorder) does not load the checker, which loads
 * Prism and with it faker, lodash and postman-collection: the server's start loaded them all for this
 * list (~1 s of a start, and their memory for good).
 */
export const FINDING_KINDS = [
  "undocumented-operation",
  "undocumented-status",
  "undocumented-parameter",
  "media-type",
  "body",
  "header",
  // A request the contract says must be refused (a required parameter left out) got a 2xx (`wayfinder verify --negative`).
  "accepted-invalid",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
