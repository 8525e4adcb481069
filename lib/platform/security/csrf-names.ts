import names from "./csrf-names.json";

/**
 * Shared by the server check and the browser code, which cannot import node:crypto; the JSON is also
 * read by scripts/page-cache.mjs (plain JavaScript), which gives a shared page's reader the cookie.
 */
export const CSRF_COOKIE = names.cookie;
export const CSRF_HEADER = names.header;
