import type { Level } from "./diff-types";

/**
 * Every rule the diff engine applies, with its level, modelled on oasdiff's published taxonomy
 * (breaking, potentially breaking = warning, informational; request and response directions). Schema
 * rules are written once per place a schema can be (a parameter, a request or response body or one
 * of their properties, a response header) with the level that direction gives them: tightening what a
 * request accepts breaks clients, tightening what a response sends does not.
 */
type Direction = "request" | "response";

const schemaChanges: Record<string, { request: Level; response: Level; says: string }> = {
  "type-changed": { request: "breaking", response: "breaking", says: "its type changed" },
  "type-generalized": { request: "info", response: "breaking", says: "it accepts more types" },
  "type-narrowed": { request: "breaking", response: "info", says: "it accepts fewer types" },
  "type-specialized": {
    request: "breaking",
    response: "info",
    says: "a string became a more specific type (number, integer, boolean): values that were accepted are refused",
  },
  "became-nullable": { request: "info", response: "breaking", says: "it may now be null" },
  "became-not-nullable": { request: "breaking", response: "info", says: "it may no longer be null" },
  "format-changed": { request: "warning", response: "warning", says: "its format changed" },
  "enum-value-removed": { request: "breaking", response: "info", says: "an allowed value was removed" },
  "enum-value-added": { request: "info", response: "warning", says: "an allowed value was added" },
  "x-extensible-enum-value-removed": { request: "breaking", response: "info", says: "a value of its `x-extensible-enum` was removed" },
  "const-changed": { request: "breaking", response: "breaking", says: "its `const` value changed or was set" },
  "default-changed": { request: "info", response: "info", says: "its default value changed" },
  "max-decreased": {
    request: "breaking",
    response: "info",
    says: "its maximum (value, length, items or properties) decreased, or a maximum value or count was set",
  },
  "max-length-set": {
    request: "warning",
    response: "info",
    says: "a maximum length was set where there was none (clients may send longer values; oasdiff's request-parameter-max-length-set)",
  },
  "max-increased": { request: "info", response: "breaking", says: "its maximum (value, length or items) increased or was removed" },
  "min-increased": { request: "breaking", response: "info", says: "its minimum (value, length or items) increased or was set" },
  "min-decreased": { request: "info", response: "breaking", says: "its minimum (value, length or items) decreased or was removed" },
  "multiple-of-changed": { request: "breaking", response: "breaking", says: "its `multipleOf` changed (allowed numbers differ)" },
  "unique-items-set": { request: "breaking", response: "info", says: "its items must now be unique" },
  "unique-items-unset": { request: "info", response: "breaking", says: "its items need no longer be unique" },
  "additional-properties-narrowed": { request: "breaking", response: "info", says: "it no longer accepts properties it does not name (additionalProperties)" },
  "additional-properties-widened": { request: "info", response: "warning", says: "it now has properties it does not name (additionalProperties)" },
  "pattern-added": { request: "breaking", response: "info", says: "a pattern was set" },
  "pattern-changed": { request: "warning", response: "info", says: "its pattern changed" },
  "pattern-generalized": { request: "info", response: "info", says: "its pattern was widened to any string (`.*`)" },
  "pattern-removed": { request: "info", response: "info", says: "its pattern was removed" },
  "one-of-removed": { request: "breaking", response: "info", says: "an alternative schema was removed" },
  "one-of-added": { request: "info", response: "warning", says: "an alternative schema was added" },
  "wrapped-in-one-of": {
    request: "breaking",
    response: "breaking",
    says: "it became a `oneOf` around what it was: a value valid under two alternatives is now invalid, and clients must handle each",
  },
  "all-of-removed": { request: "warning", response: "info", says: "a schema it combined (allOf) was removed" },
  "all-of-added": { request: "breaking", response: "info", says: "a schema it combines (allOf) was added" },
  "discriminator-changed": { request: "info", response: "info", says: "its discriminator (property name or mapping) changed" },
};

/** Where a place gives a change another level than its direction does. */
const placeOverrides: Record<string, Level> = {
  // A property of an object parameter: serialisation makes its type fuzzy (oasdiff says WARN).
  "request-parameter-property-type-changed": "warning",
};

/** Places a schema can be; `property` places are nested inside a body. */
const schemaPlaces: Record<string, Direction> = {
  "request-parameter": "request",
  "request-parameter-property": "request",
  "request-body": "request",
  "request-property": "request",
  "response-body": "response",
  "response-property": "response",
  "response-header": "response",
};

const fixedRules: Record<string, { level: Level; says: string }> = {
  "endpoint-added": { level: "info", says: "an operation was added" },
  "endpoint-removed": { level: "breaking", says: "an operation was removed without being deprecated first" },
  "endpoint-removed-before-sunset": { level: "breaking", says: "a deprecated operation was removed before its sunset date" },
  "endpoint-removed-after-sunset": { level: "info", says: "a deprecated operation was removed after its sunset date" },
  "endpoint-deprecated": { level: "info", says: "an operation was deprecated" },
  "endpoint-reactivated": { level: "info", says: "an operation is no longer deprecated" },
  "endpoint-sunset-changed": { level: "info", says: "a deprecated operation's sunset date changed" },
  "endpoint-sunset-brought-forward": { level: "warning", says: "a deprecated operation's sunset date moved earlier" },
  "sunset-deleted": { level: "breaking", says: "a deprecated operation lost its sunset date (clients can no longer plan its removal)" },
  "api-invalid-stability-level": { level: "breaking", says: "`x-stability-level` is not one of draft, alpha, beta or stable" },
  "api-stability-decreased": { level: "breaking", says: "an operation's stability level went down (e.g. stable to beta)" },
  "api-stability-increased": { level: "info", says: "an operation's stability level went up" },
  "new-required-request-parameter": { level: "breaking", says: "a required parameter was added" },
  "new-optional-request-parameter": { level: "info", says: "an optional parameter was added" },
  "request-parameter-removed": { level: "warning", says: "a parameter was removed (clients that send it may be refused or ignored)" },
  "request-parameter-removed-before-sunset": { level: "breaking", says: "a deprecated parameter was removed before its sunset date" },
  "request-parameter-sunset-deleted": { level: "breaking", says: "a deprecated parameter lost its sunset date" },
  "request-parameter-became-required": { level: "breaking", says: "a parameter became required" },
  "request-parameter-became-optional": { level: "info", says: "a parameter became optional" },
  "request-parameter-deprecated": { level: "info", says: "a parameter was deprecated" },
  "request-parameter-style-changed": { level: "breaking", says: "a parameter's serialisation (style or explode) changed" },
  "request-body-added-required": { level: "breaking", says: "a required request body was added" },
  "request-body-added-optional": { level: "info", says: "an optional request body was added" },
  "request-body-removed": { level: "breaking", says: "the request body was removed (clients that send one may be refused)" },
  "request-body-became-required": { level: "breaking", says: "the request body became required" },
  "request-body-became-optional": { level: "info", says: "the request body became optional" },
  "request-body-media-type-removed": { level: "breaking", says: "a request media type is no longer accepted" },
  "request-body-media-type-added": { level: "info", says: "a request media type is now accepted" },
  "new-required-request-property": { level: "breaking", says: "a required request property was added" },
  "new-optional-request-property": { level: "info", says: "an optional request property was added" },
  "request-property-removed": { level: "warning", says: "a request property was removed" },
  "request-property-became-required": { level: "breaking", says: "a request property became required" },
  "request-property-became-optional": { level: "info", says: "a request property became optional" },
  "response-success-status-removed": { level: "breaking", says: "a success response was removed" },
  "response-non-success-status-removed": { level: "warning", says: "an error response was removed" },
  "response-status-added": { level: "info", says: "a response was added" },
  "response-media-type-removed": { level: "breaking", says: "a response media type was removed" },
  "response-media-type-added": { level: "info", says: "a response media type was added" },
  "response-required-property-removed": { level: "breaking", says: "a required response property was removed" },
  "response-optional-property-removed": { level: "warning", says: "an optional response property was removed" },
  "response-property-added": { level: "info", says: "a response property was added" },
  "response-property-became-optional": { level: "breaking", says: "a response property is no longer always sent" },
  "response-property-became-required": { level: "info", says: "a response property is now always sent" },
  "response-required-property-became-not-write-only": { level: "warning", says: "a required property is no longer write-only, so responses now carry it" },
  "response-required-header-removed": { level: "breaking", says: "a required response header was removed" },
  "response-optional-header-removed": { level: "warning", says: "an optional response header was removed" },
  "security-requirement-added": { level: "breaking", says: "an operation needs a security scheme it did not need" },
  "security-requirement-removed": { level: "info", says: "an operation no longer needs a security scheme" },
  "security-alternative-removed": { level: "breaking", says: "a way to authenticate to an operation was removed" },
  "security-alternative-added": { level: "info", says: "a new way to authenticate to an operation was added" },
  "security-scheme-removed": { level: "breaking", says: "a security scheme was removed" },
  "security-scheme-added": { level: "info", says: "a security scheme was added" },
  "security-scheme-changed": { level: "breaking", says: "a security scheme's type, location, name or flows changed" },
  "security-scope-added": { level: "breaking", says: "an operation needs an OAuth scope it did not need" },
  "security-scope-removed": { level: "info", says: "an operation no longer needs an OAuth scope" },
  "api-server-removed": { level: "info", says: "a server URL the document named is gone (as oasdiff: servers are environments, not the contract)" },
  "api-server-added": { level: "info", says: "a server URL was added" },
  "endpoint-server-removed": { level: "info", says: "a server URL an operation (or its path) named is gone" },
  "endpoint-server-added": { level: "info", says: "an operation (or its path) names a new server URL" },
  "request-body-media-type-widened": { level: "info", says: "a request media type is now accepted through a wildcard (`application/*`, `*/*`)" },
  "response-media-type-generalized": {
    level: "warning",
    says: "a response media type became a wildcard (`application/*`): clients can no longer rely on the exact type",
  },
  "response-media-type-specialized": { level: "info", says: "a wildcard response media type became a specific one it covers" },
  "response-header-added": { level: "info", says: "a response header was added" },
  "response-header-became-required": { level: "info", says: "a response header is now always sent" },
  "response-header-became-optional": { level: "breaking", says: "a response header is no longer always sent" },
  "webhook-added": { level: "info", says: "a webhook was added" },
  // Event APIs (AsyncAPI). A message the service sends is compared as a response body, one it
  // receives as a request body: the schema rules below, in the direction of the message.
  "event-operation-removed": { level: "breaking", says: "an event operation (the service sending or receiving on a channel) was removed" },
  "event-operation-added": { level: "info", says: "an event operation was added" },
  "event-operation-direction-changed": { level: "breaking", says: "an event operation changed direction (send became receive, or the reverse)" },
  "event-operation-channel-changed": { level: "breaking", says: "an event operation moved to another channel (address)" },
  "event-operation-security-changed": { level: "warning", says: "what a client must present to connect for an event operation changed" },
  "event-operation-bindings-changed": {
    level: "warning",
    says: "protocol bindings (Kafka, MQTT, AMQP, …) of an event operation, its channel or a message changed",
  },
  "channel-removed": { level: "breaking", says: "a channel is no longer used by any operation" },
  "channel-added": { level: "info", says: "a channel was added" },
  "sent-message-removed": { level: "breaking", says: "a message the service sent is no longer sent on that operation (its consumers wait for it)" },
  "sent-message-added": { level: "warning", says: "the service sends a new message on an operation (consumers may meet a message they do not know)" },
  "received-message-removed": { level: "breaking", says: "a message the service received is no longer accepted on that operation (its producers send it)" },
  "received-message-added": { level: "info", says: "the service accepts a new message on an operation" },
  "message-content-type-changed": { level: "breaking", says: "a message's content type changed" },
  "message-payload-changed": {
    level: "warning",
    says: "a message's payload in a format other than JSON Schema (Avro, Protobuf, …) changed; it is compared whole",
  },
  "webhook-removed": { level: "breaking", says: "a webhook was removed" },
  "callback-added": { level: "info", says: "a callback was added" },
  "callback-removed": { level: "breaking", says: "a callback was removed" },
};

/** How these rules stand against oasdiff's, the reference checker (appended to docs/diff-rules.md). */
const PARITY_NOTES = [
  "## Against oasdiff",
  "",
  "`test/unit/oasdiff-pairs.test.ts` runs the 83 base/revision pairs labelled from oasdiff's own tests (`../shared/fixtures/oasdiff-pairs/`) and requires the same verdict on every one: breaking, potentially breaking (warning) or none. Documents oasdiff reads but the official schema refuses (a response without `description`, an OAuth flow without `scopes`) are compared, their problems listed once in `validity`.",
  "",
  "Deliberate differences:",
  "",
  "- **Rule ids.** Wayfinder's schema ids are a place and a change (`request-property-min-increased`), one id for a value, a length or a count; oasdiff has one per keyword (`request-property-min-length-increased`). Wayfinder says `endpoint-removed` where oasdiff says `api-path-removed-without-deprecation`, and does not split a rule by whether a default exists, whether an enum is new or narrowed, or `oneOf` from `anyOf`. The levels agree; the names are Wayfinder's, stable, and stored with every published version's changes. Every id a labelled pair pins is reported under its own name or under the Wayfinder name `SAME_RULE` in `test/unit/oasdiff-pairs.test.ts` gives it (46 of the 65 pairs that pin ids use oasdiff's names verbatim).",
  "- **Stability.** As oasdiff: changes to an operation whose base is `x-stability-level: draft` or `alpha` are info, a `beta` one's breaking changes are warnings, a level may not go down, and an unknown level is breaking. Changes to shared schemas are reported once for the schema, whatever the stability of the operations reaching it.",
  "- **A `oneOf` around the old schema** is breaking in both directions (oasdiff: `*-wrapped-in-one-of`); an `anyOf` around it only widens a request (info) and is a warning for a response.",
  "- **Security requirements** are compared as alternatives, each a set of schemes needed at once: an alternative that needs fewer of them (A + B became A) is info, one that needs more breaking, one removed outright breaking. oasdiff's ids for these differ (`api-security-removed`, …).",
  "",
];

export interface Rule {
  id: string;
  level: Level;
  description: string;
}

function buildRules(): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const [id, rule] of Object.entries(fixedRules)) rules.set(id, { id, level: rule.level, description: rule.says });
  for (const [place, direction] of Object.entries(schemaPlaces)) {
    for (const [change, rule] of Object.entries(schemaChanges)) {
      const id = `${place}-${change}`;
      rules.set(id, { id, level: placeOverrides[id] ?? rule[direction], description: `${place.replace(/-/g, " ")}: ${rule.says}` });
    }
  }
  return rules;
}

export const rules = buildRules();

/** A rule by id; the engine emits nothing else, so an unknown id is a bug. */
export function rule(id: string): Rule {
  const found = rules.get(id);
  if (!found) throw new Error(`Unknown diff rule "${id}"`);
  return found;
}

export type SchemaPlace = keyof typeof schemaPlaces;

/** The rule list as Markdown (docs/diff-rules.md is this, checked by a test). */
export function rulesMarkdown(): string {
  const lines = [
    "# Diff rules",
    "",
    "Generated from `lib/diff/rules.ts` by `npm run diff:rules`; a test fails when this file is out of date.",
    `${rules.size} rules: ${[...rules.values()].filter((r) => r.level === "breaking").length} breaking, ${[...rules.values()].filter((r) => r.level === "warning").length} warning (potentially breaking), ${[...rules.values()].filter((r) => r.level === "info").length} info.`,
    "",
    "## Operations, parameters, bodies, responses, security, webhooks",
    "",
    "| Rule | Level | When |",
    "| --- | --- | --- |",
    ...Object.entries(fixedRules).map(([id, entry]) => `| \`${id}\` | ${entry.level} | ${entry.says} |`),
    "",
    "## Schemas",
    "",
    "A schema rule's id is the place followed by the change, e.g. `request-property-max-decreased`. The level depends on the direction: what a request accepts (left) or what a response sends (right).",
    "",
    `| Change | ${Object.keys(schemaPlaces)
      .map((place) => `\`${place}-…\``)
      .join(" | ")} | When |`,
    `| --- | ${Object.keys(schemaPlaces)
      .map(() => "---")
      .join(" | ")} | --- |`,
    ...Object.entries(schemaChanges).map(
      ([change, entry]) =>
        `| \`${change}\` | ${Object.keys(schemaPlaces)
          .map((place) => placeOverrides[`${place}-${change}`] ?? entry[schemaPlaces[place]!])
          .join(" | ")} | ${entry.says} |`,
    ),
    "",
    ...PARITY_NOTES,
  ];
  return lines.join("\n");
}
