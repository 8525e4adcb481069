import { describe, expect, it } from "vitest";
import { startPortal } from "../support/portal-server";

describe("server start", () => {
  it("refuses to start with an invalid environment, naming the variable", async () => {
    const error = await startPortal({ DATABASE_URL: "mysql://root@localhost/wayfinder" }).then(
      (server) => server.stop().then(() => null),
      (reason: Error) => reason,
    );
    expect(error?.message).toMatch(/The portal exited with 1/);
    expect(error?.message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("serves with an unreachable database, and health says so with 503", async () => {
    const server = await startPortal({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters" }, { waitForHealthy: false });
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: { reachable: false } });
      const api = await fetch(`${server.url}/api/v1/services`);
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await server.stop();
    }
  });
});
