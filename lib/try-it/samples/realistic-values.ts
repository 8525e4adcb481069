/**
 * Realistic values for strings that say what they hold, by their format or by their name: what samples,
 * pre-filled bodies and the mock's generated data use instead of openapi-sampler's "string" (or
 * Swagger UI's regex noise), so a newcomer reads `jane.doe@example.com` where an email goes.
 */

const BY_FORMAT: Record<string, string> = {
  email: "jane.doe@example.com",
  "idn-email": "jane.doe@example.com",
  uri: "https://example.com/resource",
  url: "https://example.com/resource",
  iri: "https://example.com/resource",
  "uri-reference": "https://example.com/resource",
  "iri-reference": "https://example.com/resource",
  hostname: "api.example.com",
  "idn-hostname": "api.example.com",
  ipv4: "192.0.2.10",
  ipv6: "2001:db8::10",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  "date-time": "2026-01-15T09:30:00Z",
  date: "2026-01-15",
  time: "09:30:00Z",
  duration: "P1D",
  byte: "aGVsbG8gd29ybGQ=",
  password: "correct-horse-battery-staple",
};

/** Names, as words, and the value they suggest; the first that matches wins. */
const BY_NAME: [RegExp, string][] = [
  [/(^|_)e?mail(_?address)?$/, "jane.doe@example.com"],
  [/(^|_)(url|uri|link|href|website|homepage|callback(_url)?|webhook(_url)?|redirect_uri|endpoint)$/, "https://example.com/resource"],
  [/(^|_)slug$/, "my-service"],
  [/(^|_)(phone|phone_number|mobile|telephone)$/, "+15555550123"],
  [/(^|_)(country|country_code)$/, "US"],
  [/(^|_)(locale|language|lang)$/, "en"],
  [/(^|_)(first_name|given_name)$/, "Jane"],
  [/(^|_)(last_name|family_name|surname)$/, "Doe"],
  [/(^|_)(full_name|display_name|username|user_name)$/, "jane.doe"],
];

/** `onCallUrl`, `on-call-url` and `OnCallURL` all become `on_call_url`. */
function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}

/**
 * A realistic value for a string schema by its format, else by the name it is given under, when it fits
 * the schema's length bounds; undefined when neither says anything (the caller keeps its own fallback).
 */
export function realisticString(schema: { format?: unknown; minLength?: unknown; maxLength?: unknown }, name?: string): string | undefined {
  const byFormat = typeof schema.format === "string" ? BY_FORMAT[schema.format] : undefined;
  const key = name ? words(name) : "";
  const byName = byFormat ?? (key ? BY_NAME.find(([pattern]) => pattern.test(key))?.[1] : undefined);
  if (byName === undefined) return undefined;
  const min = Number(schema.minLength ?? 0);
  const max = schema.maxLength === undefined ? Infinity : Number(schema.maxLength);
  return byName.length >= min && byName.length <= max ? byName : undefined;
}
