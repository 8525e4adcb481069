import "server-only";
import type { NextAuthOptions } from "next-auth";
import { randomUUID } from "node:crypto";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { authSettings, type AuthSettings } from "@/lib/auth/auth-settings";
import { revokeSession } from "@/lib/auth/revoked-sessions";
import { signInUser } from "@/lib/auth/sign-in-user";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";

/** The local sign-in form's fields. */
export const localSignInSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  email: z.email("must be an email address"),
});

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
