import { timingSafeEqual } from "node:crypto";
import { CSRF_COOKIE, CSRF_HEADER } from "./csrf-names";

/**
 * Cookie-authenticated changes need proof that the portal's own code sent them: a random value kept
 * in a cookie that the portal's scripts copy into a header (double submit). A hostile site cannot read
 * the cookie, and Swagger UI's Try it out, which runs on our origin with the session cookie, never
 * copies it: a published document can pre-fill headers, but not with a value it cannot know.
 */
export { CSRF_COOKIE, CSRF_HEADER };

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Whether the request carries the CSRF header, equal to its CSRF cookie. */
export function hasValidCsrfToken(request: Request): boolean {
  const cookie = cookieValue(request.headers.get("cookie"), CSRF_COOKIE);
  const header = request.headers.get(CSRF_HEADER);
  if (!cookie || !header || cookie.length < 32) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
