import { z } from "zod";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";

/** Empty strings count as unset, so `FOO= npm start` behaves like leaving FOO out. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const positiveInteger = z.coerce
  .number({ error: "must be a positive whole number" })
  .int("must be a positive whole number")
  .positive("must be a positive whole number");

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** A list of hosts, addresses and networks (lib/platform/fetch-policy.ts), refused with the entry it cannot read. */
const fetchPolicy = z.string().superRefine((value, context) => {
  try {
    parseFetchPolicy(value);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
  }
});

/** The variables the `wayfinder` command reads as the portal does (its ingest limits). */
const limitFields = {
  WAYFINDER_MAX_DOCUMENT_BYTES: optional(positiveInteger),
  WAYFINDER_MAX_YAML_ALIASES: optional(positiveInteger),
  WAYFINDER_MAX_YAML_EXPANSION: optional(positiveInteger),
  WAYFINDER_MAX_DOCUMENT_DEPTH: optional(positiveInteger),
  WAYFINDER_MAX_REFS: optional(positiveInteger),
  WAYFINDER_MAX_BUNDLE_FILES: optional(positiveInteger),
  WAYFINDER_FETCH_TIMEOUT_MS: optional(positiveInteger),
};

// The portal's schema is built when first used, not when this module is imported: the command imports
// it too, and needs 9 of its 70 variables (building them all was ~10 ms of every command's start).
const buildEnvSchema = () =>
  z
    .object({
      NODE_ENV: optional(z.enum(["development", "production", "test"])),
      DATABASE_URL: optional(z.string().refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL")),
      WAYFINDER_DATA_DIR: optional(z.string()),
      WAYFINDER_DEMO: optional(booleanFlag),
      PORT: optional(z.coerce.number().int().min(1).max(65535)),
      /** The address the server listens on (scripts/serve.mjs): loopback on the embedded demo unless set. */
      HOST: optional(z.string().regex(/^[\w.:-]+$/, "must be a host name or an IP address")),
      LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
      NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)")),
      NEXTAUTH_URL: optional(z.url()),
      WAYFINDER_OIDC_ISSUER: optional(z.url()),
      WAYFINDER_OIDC_CLIENT_ID: optional(z.string()),
      WAYFINDER_OIDC_CLIENT_SECRET: optional(z.string()),
      WAYFINDER_OIDC_NAME: optional(z.string().max(40)),
      WAYFINDER_GITHUB_CLIENT_ID: optional(z.string()),
      WAYFINDER_GITHUB_CLIENT_SECRET: optional(z.string()),
      WAYFINDER_LOCAL_SIGNIN: optional(booleanFlag),
      WAYFINDER_ADMINS: optional(
        z
          .string()
          .transform((value) =>
            value
              .split(",")
              .map((email) => email.trim().toLowerCase())
              .filter(Boolean),
          )
          .pipe(z.array(z.email("must be a comma-separated list of email addresses"))),
      ),
      WAYFINDER_REQUIRE_SIGNIN: optional(booleanFlag),
      WAYFINDER_OPEN_TEAMS: optional(booleanFlag),
      WAYFINDER_TRUST_PROXY: optional(booleanFlag),
      WAYFINDER_FIRST_USER_ADMIN: optional(booleanFlag),
      WAYFINDER_MIGRATE_ON_START: optional(booleanFlag),
      WAYFINDER_CONTENT_REPO_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
      WAYFINDER_FETCH_ALLOW: optional(fetchPolicy),
      /** Try it out: hosts (and internal networks) the proxy may call besides the servers documents declare. */
      WAYFINDER_TRY_ALLOW: optional(fetchPolicy),
      WAYFINDER_TRY_ANONYMOUS: optional(booleanFlag),
      WAYFINDER_TRY_TIMEOUT_MS: optional(positiveInteger),
      WAYFINDER_TRY_MAX_REQUEST_BYTES: optional(positiveInteger),
      WAYFINDER_TRY_MAX_RESPONSE_BYTES: optional(positiveInteger),
      WAYFINDER_TRY_CALLS_PER_MINUTE: optional(positiveInteger),
      /** /metrics (Prometheus): the bearer token scrapers send; unset, /metrics answers 404. */
      WAYFINDER_METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
      /** Back-pressure (scripts/admission.mjs): requests answered at once; more wait in a queue (default 64). */
      WAYFINDER_MAX_CONCURRENT_REQUESTS: optional(positiveInteger),
      /** Back-pressure: requests that may wait for their turn; beyond them a request gets 503 with Retry-After (default 1000). */
      WAYFINDER_MAX_QUEUED_REQUESTS: optional(positiveInteger),
      /** OpenTelemetry: the OTLP/HTTP traces endpoint (e.g. http://collector:4318/v1/traces); unset, no trace leaves the process. */
      WAYFINDER_OTLP_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
      /** OpenTelemetry: headers sent with each export, `name=value` pairs separated by commas (a collector's API key). */
      WAYFINDER_OTLP_HEADERS: optional(z.string().regex(/^[\w-]+=[^,]*(,[\w-]+=[^,]*)*$/, "must be name=value pairs separated by commas")),
      /** Conformance: the largest traffic log (HAR or NDJSON) one import reads, in bytes (default 2 GB; it is streamed, never held). */
      WAYFINDER_MAX_TRAFFIC_BYTES: optional(positiveInteger),
      /** Webhooks: internal hosts (host:port, CIDR) deliveries may reach; public HTTPS endpoints need nothing. */
      WAYFINDER_WEBHOOK_ALLOW: optional(fetchPolicy),
      /** Webhooks: the first retry's delay in seconds (doubled for each retry after it). */
      WAYFINDER_WEBHOOK_RETRY_SECONDS: optional(positiveInteger),
      /** Webhooks: a subscription whose deliveries have failed for this many hours is disabled. */
      WAYFINDER_WEBHOOK_DISABLE_AFTER_HOURS: optional(positiveInteger),
      WAYFINDER_WORKER: optional(booleanFlag),
      WAYFINDER_WORKER_CONCURRENCY: optional(positiveInteger),
      /** A pipeline task (parse, validate, diff) running longer than this is stopped, its thread replaced. */
      WAYFINDER_PIPELINE_TIMEOUT_MS: optional(positiveInteger),
      /** Each pipeline thread's V8 heap ceiling: a task that needs more ends its thread, not the portal. */
      WAYFINDER_PIPELINE_MEMORY_MB: optional(positiveInteger),
      /** A pipeline thread idle this long ends (its parsers and compilers leave the heap); the next task starts one. */
      WAYFINDER_PIPELINE_IDLE_SECONDS: optional(positiveInteger),
      WAYFINDER_PIPELINE_THREADS: optional(
        z.coerce
          .number({ error: "must be a whole number (0 runs ingestion on the main thread)" })
          .int("must be a whole number")
          .min(0, "must be 0 or more")
          .max(16, "must be at most 16"),
      ),
      WAYFINDER_POLL_SECONDS: optional(
        z.coerce
          .number({ error: "must be a whole number of seconds (0 turns polling off)" })
          .int("must be a whole number of seconds (0 turns polling off)")
          .min(0, "must be 0 or more"),
      ),
      ...limitFields,
    })
    .superRefine((value, context) => {
      const oidc = [value.WAYFINDER_OIDC_ISSUER, value.WAYFINDER_OIDC_CLIENT_ID, value.WAYFINDER_OIDC_CLIENT_SECRET];
      if (oidc.some(Boolean) && !oidc.every(Boolean)) {
        context.addIssue({
          code: "custom",
          path: ["WAYFINDER_OIDC_ISSUER"],
          message: "OIDC needs all of WAYFINDER_OIDC_ISSUER, WAYFINDER_OIDC_CLIENT_ID and WAYFINDER_OIDC_CLIENT_SECRET",
        });
      }
      const github = [value.WAYFINDER_GITHUB_CLIENT_ID, value.WAYFINDER_GITHUB_CLIENT_SECRET];
      if (github.some(Boolean) && !github.every(Boolean)) {
        context.addIssue({
          code: "custom",
          path: ["WAYFINDER_GITHUB_CLIENT_ID"],
          message: "GitHub sign-in needs both WAYFINDER_GITHUB_CLIENT_ID and WAYFINDER_GITHUB_CLIENT_SECRET",
        });
      }
      if (value.DATABASE_URL && !value.NEXTAUTH_SECRET) {
        context.addIssue({
          code: "custom",
          path: ["NEXTAUTH_SECRET"],
          message: "is required with DATABASE_URL (every instance must share it); e.g. `openssl rand -hex 32`",
        });
      }
    });

let envSchema: ReturnType<typeof buildEnvSchema> | undefined;

export type Env = z.infer<ReturnType<typeof buildEnvSchema>>;

/** Validates an environment; the error names every bad variable and what it expected. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  envSchema ??= buildEnvSchema();
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

const cliShape = z.object({
  ...limitFields,
  WAYFINDER_URL: optional(z.url({ protocol: /^https?$/, error: "must be the portal's http(s) address" })),
  WAYFINDER_TOKEN: optional(z.string()),
});

/**
 * The `wayfinder` command's variables only: it runs in other projects' CI jobs, whose NODE_ENV, PORT
 * and the like are theirs and none of its business.
 */
export function parseCliEnv(source: Record<string, string | undefined>): z.infer<typeof cliShape> {
  const result = cliShape.safeParse(source);
  if (!result.success) throw new Error(`Invalid environment:\n${result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n")}`);
  return result.data;
}

/** The prefix of `wayfinder verify`'s credentials: WAYFINDER_VERIFY_AUTH_<SCHEME> for each security scheme of the contract. */
export const VERIFY_AUTH_PREFIX = "WAYFINDER_VERIFY_AUTH_";

/** The environment variable that holds the credential for a contract's security scheme (`bearerAuth` → WAYFINDER_VERIFY_AUTH_BEARERAUTH). */
export function verifyAuthVariable(scheme: string): string {
  return `${VERIFY_AUTH_PREFIX}${scheme.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * `wayfinder verify`'s credentials, one variable per security scheme, named after the contract's
 * schemes (so they cannot be listed in a fixed schema): each must be a non-empty single line.
 */
export function parseVerifyCredentials(source: Record<string, string | undefined>): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (!name.startsWith(VERIFY_AUTH_PREFIX) || value === undefined) continue;
    if (!value || /[\r\n]/.test(value)) throw new Error(`Invalid environment:\n  ${name}: must be a non-empty single line`);
    credentials[name] = value;
  }
  return credentials;
}

let cached: Env | undefined;

/** The process environment, validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The portal's public address: NEXTAUTH_URL, or http://localhost:PORT. Sign-in callbacks and session
 * cookies belong to it, so sign-in must happen there (proxy.ts sends /signin to it).
 */
export function publicUrl(config: Env = env()): URL {
  return new URL(config.NEXTAUTH_URL ?? `http://localhost:${config.PORT ?? 3000}`);
}
