import { CSRF_COOKIE, CSRF_HEADER } from "./csrf-names";

/** The header the portal's own scripts add to every change they send (see lib/platform/security/csrf.ts). */
export function csrfHeaders(): Record<string, string> {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? { [CSRF_HEADER]: match.slice(CSRF_COOKIE.length + 1) } : {};
}
