import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { canAssignOwner, canCreateTeam, canEditService, canManageTeam, canRegisterService, deny } from "@/lib/auth/permissions";
import { authSettingsFromEnv } from "@/lib/auth/auth-settings";
import { parseEnv } from "@/lib/platform/env";

const user = (teamRoles: Record<string, "member" | "maintainer"> = {}, isAdmin = false): Actor => ({
  kind: "user",
  userId: "u",
  email: "u@x.test",
  name: "U",
  isAdmin,
  teamRoles,
});
const teamToken = (teamId: string): Actor => ({ kind: "token", tokenId: "t", label: "t", teamId, serviceId: null });
const serviceToken = (teamId: string, serviceId: string): Actor => ({ kind: "token", tokenId: "t", label: "t", teamId, serviceId });
const service = { id: "svc", ownerTeamIds: ["a", "b"] };

describe("permissions", () => {
  it("lets people register services only for teams they belong to", () => {
    expect(canRegisterService(user({ a: "member" }), ["a"])).toBe(true);
    expect(canRegisterService(user({ a: "member" }), ["a", "b"])).toBe(false);
    expect(canRegisterService(user({}, true), ["a", "b"])).toBe(true);
    expect(canRegisterService({ kind: "anonymous" }, ["a"])).toBe(false);
    expect(canRegisterService(teamToken("a"), ["a"])).toBe(true);
    expect(canRegisterService(serviceToken("a", "svc"), ["a"])).toBe(false);
  });

  it("lets maintainers of an owning team, tokens in scope and admins edit a service", () => {
    expect(canEditService(user({ b: "maintainer" }), service)).toBe(true);
    expect(canEditService(user({ b: "member" }), service)).toBe(false);
    expect(canEditService(user({ c: "maintainer" }), service)).toBe(false);
    expect(canEditService(user({}, true), service)).toBe(true);
    expect(canEditService(teamToken("a"), service)).toBe(true);
    expect(canEditService(teamToken("c"), service)).toBe(false);
    expect(canEditService(serviceToken("a", "svc"), service)).toBe(true);
    expect(canEditService(serviceToken("a", "other"), service)).toBe(false);
  });

  it("keeps team management to its maintainers and admins, never tokens", () => {
    expect(canManageTeam(user({ a: "maintainer" }), "a")).toBe(true);
    expect(canManageTeam(user({ a: "member" }), "a")).toBe(false);
    expect(canManageTeam(teamToken("a"), "a")).toBe(false);
    expect(canManageTeam({ kind: "system", label: "seed" }, "a")).toBe(true);
  });

  it("lets only admins create teams unless teams are open", () => {
    expect(canCreateTeam(user(), false)).toBe(false);
    expect(canCreateTeam(user(), true)).toBe(true);
    expect(canCreateTeam({ kind: "anonymous" }, true)).toBe(false);
    expect(canCreateTeam(user({}, true), false)).toBe(true);
  });

  it("lets people add as owners only teams they belong to", () => {
    expect(canAssignOwner(user({ a: "member" }), "a")).toBe(true);
    expect(canAssignOwner(user({ a: "member" }), "b")).toBe(false);
  });

  it("answers nobody with 401 and somebody with 403", () => {
    expect(() => deny({ kind: "anonymous" }, "do it")).toThrow(expect.objectContaining({ code: "UNAUTHORIZED" }));
    expect(() => deny(user(), "do it")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("sign-in settings", () => {
  it("offers local sign-in by default outside production only", () => {
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "development" })).localSignIn).toBe(true);
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "production" })).localSignIn).toBe(false);
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "production", WAYFINDER_LOCAL_SIGNIN: "true" })).localSignIn).toBe(true);
  });

  it("drops local sign-in once a real provider is configured, unless asked for", () => {
    const oidc = { WAYFINDER_OIDC_ISSUER: "https://id.example.com/realms/x", WAYFINDER_OIDC_CLIENT_ID: "wayfinder", WAYFINDER_OIDC_CLIENT_SECRET: "s" };
    const settings = authSettingsFromEnv(parseEnv({ NODE_ENV: "development", ...oidc }));
    expect(settings.localSignIn).toBe(false);
    expect(settings.oidc).toMatchObject({ issuer: "https://id.example.com/realms/x", name: "Single sign-on" });
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "development", ...oidc, WAYFINDER_LOCAL_SIGNIN: "true" })).localSignIn).toBe(true);
  });

  it("names half-configured providers and a missing secret with PostgreSQL", () => {
    expect(() => parseEnv({ WAYFINDER_OIDC_ISSUER: "https://id.example.com" })).toThrow(/WAYFINDER_OIDC_ISSUER: OIDC needs all of/);
    expect(() => parseEnv({ WAYFINDER_GITHUB_CLIENT_ID: "x" })).toThrow(/GitHub sign-in needs both/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db" })).toThrow(/NEXTAUTH_SECRET: is required with DATABASE_URL/);
    expect(() => parseEnv({ WAYFINDER_ADMINS: "ada@x.test, not-an-email" })).toThrow(/WAYFINDER_ADMINS/);
  });

  it("makes the first user admin only on the embedded database without configured admins", () => {
    expect(authSettingsFromEnv(parseEnv({})).firstUserIsAdmin).toBe(true);
    expect(authSettingsFromEnv(parseEnv({ WAYFINDER_ADMINS: "ada@x.test" }))).toMatchObject({ firstUserIsAdmin: false, adminEmails: ["ada@x.test"] });
    expect(authSettingsFromEnv(parseEnv({ DATABASE_URL: "postgres://h/db", NEXTAUTH_SECRET: "x".repeat(32) })).firstUserIsAdmin).toBe(false);
    // Production (what `next start` runs as): off on any database unless asked for.
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "production" })).firstUserIsAdmin).toBe(false);
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "production", WAYFINDER_FIRST_USER_ADMIN: "true" })).firstUserIsAdmin).toBe(true);
    expect(authSettingsFromEnv(parseEnv({ NODE_ENV: "production" })).localSignIn).toBe(false);
  });
});
