import "server-only";
import type { NextAuthOptions } from "next-auth";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { cache } from "react";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { authSettingsFromEnv, type AuthSettings } from "@/lib/auth/auth-settings";
import { loadUserActor } from "@/lib/auth/load-user-actor";
import { isSessionRevoked, revokeSession } from "@/lib/auth/revoked-sessions";
import { signInUser } from "@/lib/auth/sign-in-user";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/http/client-address";
import { assertNotThrottled, countAttempt, TOKEN_FAILURES } from "@/lib/security/rate-limit";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

/** The local sign-in form's fields. */
export const localSignInSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  email: z.email("must be an email address"),
});

let settings: AuthSettings | undefined;
export function authSettings(): AuthSettings {
  settings ??= authSettingsFromEnv(env());
  return settings;
}

function providers(config: AuthSettings): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [];
  if (config.oidc) {
    list.push({
      id: "oidc",
      name: config.oidc.name,
      type: "oauth",
      wellKnown: `${config.oidc.issuer}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      profile(profile: { sub: string; name?: string; preferred_username?: string; email?: string; picture?: string }) {
        return { id: profile.sub, name: profile.name ?? profile.preferred_username ?? null, email: profile.email ?? null, image: profile.picture ?? null };
      },
    });
  }
  if (config.github) list.push(GitHubProvider({ clientId: config.github.clientId, clientSecret: config.github.clientSecret }));
  if (config.localSignIn) {
    list.push(
      CredentialsProvider({
        id: "local",
        name: "Local development sign-in",
        credentials: { name: { label: "Name", type: "text" }, email: { label: "Email", type: "email" } },
        async authorize(credentials) {
          const parsed = localSignInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          return { id: parsed.data.email.toLowerCase(), name: parsed.data.name, email: parsed.data.email.toLowerCase() };
        },
      }),
    );
  }
  return list;
}

let options: NextAuthOptions | undefined;
const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** next-auth's configuration: providers from the environment, JWT sessions, users kept in our database. */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const config = authSettings();
  options = {
    secret: resolveAuthSecret(env()),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: providers(config),
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          const signedIn = await signInUser(await getDb(), {
            email: user.email,
            name: user.name,
            image: user.image,
            firstUserIsAdmin: config.firstUserIsAdmin,
          });
          token.sub = signedIn.id;
          // Our own session id, kept through token refreshes: sign-out revokes it on the server.
          token.sid = randomUUID();
          token.email = signedIn.email;
          token.name = signedIn.name;
          logger.info({ event: "auth.sign_in", provider: account?.provider, userId: signedIn.id }, "signed in");
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: token.sid, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(await getDb(), token.sid, SESSION_MAX_AGE_SECONDS);
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.error({ event: "auth.error", code, message: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
      warn: (code) => logger.warn({ event: "auth.warn", code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
  return options;
}

/**
 * The person signed in through the session cookie, or anonymous. Memoised per server render (the
 * header, the page and its guards all ask); outside a render, such as in route handlers, it runs each
 * time.
 */
export const sessionActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return anonymous;
  const db = await getDb();
  // A session signed out elsewhere (or one issued before sessions had ids) counts for nothing.
  const sid = (session as { sid?: unknown }).sid;
  if (typeof sid !== "string" || (await isSessionRevoked(db, sid))) return anonymous;
  return loadUserActor(db, userId, authSettings().adminEmails);
});

/**
 * Who is making an API request: a bearer token if one is sent (and valid: a bad one is a 401, never
 * anonymous), otherwise the session cookie.
 */
export async function requestActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("UNAUTHORIZED", "The Authorization header must be `Bearer <token>`.");
    const db = await getDb();
    // A valid token is never refused for failures from its address (one NAT, one attacker, and the
    // team's CI would be locked out): tokens are 256-bit random, so throttling does not protect them
    // from guessing; it bounds the work and the noise of bad ones. After TOKEN_FAILURES failed
    // tokens from one client (the socket's address, see client-address.ts) in a window, further
    // bad tokens from it get 429.
    try {
      return await authenticateToken(db, match[1]);
    } catch (error) {
      if (!isAppError(error) || error.code !== "UNAUTHORIZED") throw error;
      const client = clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false);
      await assertNotThrottled(db, TOKEN_FAILURES, client);
      await countAttempt(db, TOKEN_FAILURES, client);
      throw error;
    }
  }
  return sessionActor();
}

/** Refuses anonymous readers when WAYFINDER_REQUIRE_SIGNIN=true. */
export function assertMayRead(actor: Actor): void {
  if (authSettings().requireSignIn && actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to read this portal.");
}
