import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** The request being answered, for every log line written while answering it (one per process, on globalThis). */
const CONTEXT = Symbol.for("wayfinder.request-context");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<{ requestId: string }> | undefined>;
const requestContext = (holder[CONTEXT] ??= new AsyncLocalStorage<{ requestId: string }>());

/** Runs `work` as the answering of one request: every log line it writes carries `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestContext.run({ requestId }, work);
}

/**
 * Structured logs: one JSON line per event on stdout. Known secret-bearing fields are redacted
 * wherever they appear, so a careless `logger.info({ req })` cannot leak them.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "wayfinder" },
  mixin: () => {
    const context = requestContext.getStore();
    return context ? { requestId: context.requestId } : {};
  },
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
