import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { errorResponse } from "@/lib/platform/http/error-response";
import { clientAddress } from "@/lib/platform/http/client-address";
import { countAttempt, SIGN_IN_ATTEMPTS } from "@/lib/platform/security/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built on first request, not at import, so that `next build` needs no secrets.
const handler = (request: Request, context: Context) =>
  (NextAuth(authOptions()) as unknown as (request: Request, context: Context) => Promise<Response>)(request, context);

/** Sign-in attempts (credentials posted, or a provider's flow started) are throttled per client, across instances. */
async function post(request: Request, context: Context): Promise<Response> {
  const [action] = (await context.params).nextauth;
  if (action === "callback" || action === "signin") {
    try {
      await countAttempt(await getDb(), SIGN_IN_ATTEMPTS, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false));
    } catch (error) {
      return errorResponse(error, request);
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
