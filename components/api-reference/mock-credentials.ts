import { securitySchemesOf } from "@/lib/openapi/security-schemes";

type Json = Record<string, unknown>;

/** What the placeholders read: visible in Authorize, and accepted by the mock like any other value. */
export const MOCK_PLACEHOLDER = "mock-credential";

/**
 * Swagger UI's authorized state with a placeholder for every security scheme the document declares, so
 * the first Execute against the mock succeeds (it checks a credential is present, never its value)
 * instead of answering 401. In the shape Swagger UI keeps it (restoreAuthorization).
 */
export function mockAuthorization(document: Json): Record<string, Json> {
  const authorized: Record<string, Json> = {};
  for (const [name, scheme] of Object.entries(securitySchemesOf(document))) {
    const type = String(scheme.type);
    const httpScheme = String(scheme.scheme ?? "").toLowerCase();
    if (type === "apiKey") authorized[name] = { name, schema: scheme, value: MOCK_PLACEHOLDER };
    else if (type === "basic" || (type === "http" && httpScheme === "basic"))
      authorized[name] = { name, schema: scheme, value: { username: "mock", password: MOCK_PLACEHOLDER } };
    else if (type === "http") authorized[name] = { name, schema: scheme, value: MOCK_PLACEHOLDER };
    else if (type === "oauth2" || type === "openIdConnect")
      authorized[name] = { name, schema: scheme, token: { access_token: MOCK_PLACEHOLDER, token_type: "Bearer" } };
  }
  return authorized;
}
