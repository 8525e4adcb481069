import permissionsPolicy from "./permissions-policy.json";

/**
 * The response headers every page and API answer carries. The Content-Security-Policy allows scripts
 * only from this origin and with this response's nonce ('strict-dynamic' lets those load their own
 * chunks), so markup that slipped into a spec's text could not run. Styles stay 'unsafe-inline':
 * Swagger UI and Next set style attributes, and styles cannot run code. connect-src stays open
 * because Swagger UI's Try it out calls the servers a document declares, from the browser.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** Over https (as the browser sees it): adds Strict-Transport-Security. */
  https: boolean;
  /** Next's development server evaluates code; production builds do not. */
  development: boolean;
  /** Where sign-in forms may send the browser: the OIDC issuer, GitHub. */
  signInOrigins: string[];
}

export function contentSecurityPolicy({ nonce, development, signInOrigins }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' https: http:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${signInOrigins.join(" ")}`.trim(),
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Kept in JSON so next.config.mjs serves the same list on API answers. */
export const PERMISSIONS_POLICY = permissionsPolicy.policy;

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
