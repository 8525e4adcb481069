import type { HttpSecurityScheme, IHttpOperation } from "@stoplight/types";

/** How a client sends one scheme's credential, in words a newcomer can act on. */
function howToSend(scheme: HttpSecurityScheme): string {
  if (scheme.type === "apiKey") return `an API key in the ${scheme.in} ${scheme.in === "cookie" ? "" : "parameter "}"${scheme.name}"`.replace("  ", " ");
  if (scheme.type === "http" && scheme.scheme.toLowerCase() === "basic") return "Authorization: Basic <base64 of user:password>";
  if (scheme.type === "http") return "Authorization: Bearer <token>";
  if (scheme.type === "oauth2" || scheme.type === "openIdConnect") return "Authorization: Bearer <access token>";
  return `the "${scheme.key}" credential`;
}

/**
 * What a request to the mock lacks, said plainly: the operation's alternatives (any one suffices), each
 * the schemes it combines. The mock checks that a credential is there, never what it is, so any value
 * works; the docs' Authorize button sends one.
 */
export function describeMissingCredentials(operation: IHttpOperation): string {
  const alternatives = (operation.security ?? []).filter((alternative) => alternative.length);
  const described = alternatives.map((alternative) => alternative.map(howToSend).join(" and "));
  const need = described.length ? described.join(", or ") : "a credential";
  return `${operation.method.toUpperCase()} ${operation.path} needs ${need}. This is the mock: any value is accepted (use Authorize in the docs, or send e.g. "Authorization: Bearer anything").`;
}
