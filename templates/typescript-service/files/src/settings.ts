/** Settings from the environment, read once, so a wrong value fails at start-up rather than at first use. */
export interface Settings {
  jwtIssuer: string;
  jwtAudience: string;
  jwksUrl: URL;
  port: number;
  logLevel: string;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const jwtIssuer = env.JWT_ISSUER || "https://identity.tidewater.example";
  const jwksUrl = new URL(env.JWKS_URL || `${jwtIssuer.replace(/\/$/, "")}/.well-known/jwks.json`);
  if (!["https:", "http:"].includes(jwksUrl.protocol)) throw new Error("JWKS_URL must be an http(s) URL");
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("PORT must be a port number");
  return { jwtIssuer, jwtAudience: env.JWT_AUDIENCE || "{{name}}", jwksUrl, port, logLevel: env.LOG_LEVEL || "info" };
}
