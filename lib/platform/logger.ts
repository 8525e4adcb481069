import pino from "pino";

/**
 * Structured logs: one JSON line per event on stdout. Known secret-bearing fields are redacted
 * wherever they appear, so a careless `logger.info({ req })` cannot leak them.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "wayfinder" },
  redact: {
    paths: [
      "password",
      "token",
      "secret",
      "authorization",
      "cookie",
      "databaseUrl",
      "*.password",
      "*.token",
      "*.secret",
      "*.authorization",
      "*.cookie",
      "*.databaseUrl",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
});

/** A connection string with its password removed, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "[unparseable url]";
  }
}
