import { z } from "zod";

/** Empty strings count as unset, so `FOO= npm start` behaves like leaving FOO out. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  DATABASE_URL: optional(
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL"),
  ),
  WAYFINDER_DATA_DIR: optional(z.string()),
  WAYFINDER_DEMO: optional(booleanFlag),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
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
      .transform((value) => value.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.email("must be a comma-separated list of email addresses"))),
  ),
  WAYFINDER_REQUIRE_SIGNIN: optional(booleanFlag),
  WAYFINDER_OPEN_TEAMS: optional(booleanFlag),
}).superRefine((value, context) => {
  const oidc = [value.WAYFINDER_OIDC_ISSUER, value.WAYFINDER_OIDC_CLIENT_ID, value.WAYFINDER_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    context.addIssue({ code: "custom", path: ["WAYFINDER_OIDC_ISSUER"], message: "OIDC needs all of WAYFINDER_OIDC_ISSUER, WAYFINDER_OIDC_CLIENT_ID and WAYFINDER_OIDC_CLIENT_SECRET" });
  }
  const github = [value.WAYFINDER_GITHUB_CLIENT_ID, value.WAYFINDER_GITHUB_CLIENT_SECRET];
  if (github.some(Boolean) && !github.every(Boolean)) {
    context.addIssue({ code: "custom", path: ["WAYFINDER_GITHUB_CLIENT_ID"], message: "GitHub sign-in needs both WAYFINDER_GITHUB_CLIENT_ID and WAYFINDER_GITHUB_CLIENT_SECRET" });
  }
  if (value.DATABASE_URL && !value.NEXTAUTH_SECRET) {
    context.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required with DATABASE_URL (every instance must share it); e.g. `openssl rand -hex 32`" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Validates an environment; the error names every bad variable and what it expected. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
