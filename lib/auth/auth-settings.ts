import { env, type Env } from "@/lib/platform/env";

/** Which sign-in methods and access rules this instance has, from its environment. */
export interface AuthSettings {
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  github: { clientId: string; clientSecret: string } | null;
  /** The name-and-email sign-in without a password, for local development and the embedded demo. */
  localSignIn: boolean;
  adminEmails: string[];
  /** In the embedded default with no WAYFINDER_ADMINS, the first person to sign in becomes admin. */
  firstUserIsAdmin: boolean;
  requireSignIn: boolean;
  openTeams: boolean;
}

/**
 * Local sign-in is offered when no real provider is configured (or when WAYFINDER_LOCAL_SIGNIN=true),
 * and refused in production unless WAYFINDER_LOCAL_SIGNIN=true says so explicitly. The same goes for
 * making the first person to sign in an admin (WAYFINDER_FIRST_USER_ADMIN), whatever the database.
 */
export function authSettingsFromEnv(env: Env): AuthSettings {
  const oidc =
    env.WAYFINDER_OIDC_ISSUER && env.WAYFINDER_OIDC_CLIENT_ID && env.WAYFINDER_OIDC_CLIENT_SECRET
      ? {
          issuer: env.WAYFINDER_OIDC_ISSUER.replace(/\/$/, ""),
          clientId: env.WAYFINDER_OIDC_CLIENT_ID,
          clientSecret: env.WAYFINDER_OIDC_CLIENT_SECRET,
          name: env.WAYFINDER_OIDC_NAME ?? "Single sign-on",
        }
      : null;
  const github =
    env.WAYFINDER_GITHUB_CLIENT_ID && env.WAYFINDER_GITHUB_CLIENT_SECRET
      ? { clientId: env.WAYFINDER_GITHUB_CLIENT_ID, clientSecret: env.WAYFINDER_GITHUB_CLIENT_SECRET }
      : null;
  const explicitLocal = env.WAYFINDER_LOCAL_SIGNIN === true;
  const production = env.NODE_ENV === "production";
  const localSignIn = env.WAYFINDER_LOCAL_SIGNIN === false ? false : explicitLocal || (!oidc && !github && !production);
  return {
    oidc,
    github,
    localSignIn,
    adminEmails: env.WAYFINDER_ADMINS ?? [],
    // The first person to sign in becomes admin only where that is safe: the embedded database outside
    // production, or when the operator asks for it (npm start does, for the embedded demo).
    firstUserIsAdmin: !env.WAYFINDER_ADMINS?.length && (env.WAYFINDER_FIRST_USER_ADMIN ?? (!env.DATABASE_URL && !production)),
    requireSignIn: env.WAYFINDER_REQUIRE_SIGNIN ?? false,
    openTeams: env.WAYFINDER_OPEN_TEAMS ?? false,
  };
}

let settings: AuthSettings | undefined;
/** This instance's settings, read from the environment once. */
export function authSettings(): AuthSettings {
  settings ??= authSettingsFromEnv(env());
  return settings;
}
