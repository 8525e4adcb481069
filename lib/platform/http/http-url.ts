import { z } from "zod";

/**
 * URL fields, written so that the JSON Schema generated from them (Wayfinder's own OpenAPI document)
 * refuses what the server refuses: the pattern says "http(s), with a host" before the URL parser checks
 * the rest, so `javascript:alert(1)` is refused by the document too, not only by the server.
 */
export const httpUrl = z
  .string()
  .max(2000, "must be at most 2000 characters")
  .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, "must be an http(s) URL")
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

/**
 * An http(s) URL the portal will fetch (a document URL). Credentials in it (`user:password@`) are
 * refused here, at input, so they are never stored or shown; private documents belong behind the
 * network allowlist (WAYFINDER_FETCH_ALLOW), not in a URL everybody can read.
 */
export const fetchableUrl = z
  .string()
  .max(2000, "must be at most 2000 characters")
  .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, "must be an http(s) URL")
  .regex(/^[a-z]+:\/\/[^/?#@]+(?:[/?#]\S*)?$/i, "must not contain a user name or password (user:password@…): the URL is shown to readers")
  // Secrets in the query string (`?token=…`, `&api_key=…`, a signed URL's signature) are shown to readers just the same.
  .regex(
    /^[^?#]*(?:\?(?!(?:[^#]*&)?(?:[\w.-]*(?:token|secret|passw(?:or)?d|api[_-]?key|signature|credential)[\w.-]*|key|sig|auth|authorization|code|jwt|pwd|session)=)[^#]*)?(?:#.*)?$/i,
    "must not carry a secret in its query string (token, key, password, signature…): the URL is shown to readers",
  )
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));
