/**
 * JWT bearer authentication (patterns/jwt-authentication): RS256 tokens from the Identity API, checked
 * against its published keys for issuer, audience, expiry and not-before, with 30 seconds of clock skew.
 */
import type { FastifyRequest } from "fastify";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { ERRORS, Problem } from "./problems.ts";
import type { Settings } from "./settings.ts";

declare module "fastify" {
  interface FastifyRequest {
    claims?: JWTPayload & { sub: string };
  }
}

/** An onRequest hook: runs before the body is parsed or validated, so an anonymous caller learns nothing else. */
export function bearerAuthentication(settings: Settings) {
  // jose caches the key set and refetches it when a token names a key it does not know.
  const keys = createRemoteJWKSet(settings.jwksUrl);
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!token) throw new Problem(401, `${ERRORS}/unauthenticated`, "A bearer token is required");
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.jwtIssuer,
        audience: settings.jwtAudience,
        algorithms: ["RS256"], // never `none`, never a symmetric algorithm
        clockTolerance: 30,
        requiredClaims: ["exp", "sub"],
      });
      request.claims = payload as JWTPayload & { sub: string };
    } catch {
      throw new Problem(401, `${ERRORS}/unauthenticated`, "The token is not valid");
    }
  };
}
