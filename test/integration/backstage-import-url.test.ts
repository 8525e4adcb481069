/**
 * The Backstage import of a catalog whose API definitions live in other files (`definition: { $text:
 * ./openapi.yaml }`, the usual form): given by URL, each is read relative to the catalog file through
 * the SSRF-safe fetcher and its allowlist; pasted, the entries that need a URL are named. An AsyncAPI
 * entity's definition (inline, or in files, which may $ref others) becomes a version of the event API
 * of the service that provides it (issue 28); one whose file is OpenAPI says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/load-user-actor";
import { signInUser } from "@/lib/auth/sign-in-user";
import type { Database } from "@/lib/platform/db/open-database";
import { isAppError } from "@/lib/platform/errors";
import { importBackstage } from "@/lib/import/import-backstage";
import { getService } from "@/lib/services/get-service";
import { listEventVersions } from "@/lib/versions/list-event-versions";
import { startSpecServer, type SpecServer } from "../support/spec-server";
import { testDatabases } from "../support/test-databases";

// lib/platform/env.ts reads the environment once per process: the allowlist naming the server's port is set
// before anything reads it. A second server, on a port the allowlist does not name, stands for a host
// that is not allowed.
let spec: SpecServer;
let elsewhere: SpecServer;
const previousAllow = process.env.WAYFINDER_FETCH_ALLOW;
beforeAll(async () => {
  spec = await startSpecServer();
  elsewhere = await startSpecServer();
  process.env.WAYFINDER_FETCH_ALLOW = `localhost:${new URL(spec.url).port}`;
});
afterAll(async () => {
  process.env.WAYFINDER_FETCH_ALLOW = previousAllow;
  await spec?.close();
  await elsewhere?.close();
});

const catalogOf = (prefix: string, outside = "") => `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${prefix}-team }
spec: { type: team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${prefix}-service }
spec: { type: service, lifecycle: production, owner: ${prefix}-team, providesApis: [${prefix}-api, ${prefix}-stream] }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-api }
spec:
  type: openapi
  lifecycle: production
  owner: ${prefix}-team
  definition:
    $text: ./openapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-standalone }
spec:
  type: openapi
  lifecycle: production
  owner: ${prefix}-team
  definition:
    $openapi: ${outside || "../shared/standalone.yaml"}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-stream }
spec:
  type: asyncapi
  lifecycle: production
  owner: ${prefix}-team
  definition:
    $text: ./asyncapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-mislabelled }
spec:
  type: asyncapi
  lifecycle: production
  owner: ${prefix}-team
  definition:
    $text: ./openapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-events }
spec:
  type: asyncapi
  lifecycle: production
  owner: ${prefix}-team
  definition: |
    asyncapi: 3.0.0
    info: { title: Events, version: 1.0.0 }
`;

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
}

describe.each(testDatabases)("importing a Backstage catalog by URL on $name", ({ name, open }) => {
  let db: Database;
  const admin = systemActor("import test");
  const at = (path: string) => `${spec.url}/catalogs/${name}${path}`;

  beforeAll(async () => {
    db = await open();
    spec.set(`/catalogs/${name}/shop/catalog-info.yaml`, { text: catalogOf(`${name}-shop`) });
    spec.set(`/catalogs/${name}/shop/openapi.yaml`, {
      text: "openapi: 3.0.3\ninfo: { title: Shop API, version: 4.2.0 }\npaths:\n  /carts:\n    $ref: './paths/carts.yaml'\n",
    });
    spec.set(`/catalogs/${name}/shop/asyncapi.yaml`, {
      text: [
        "asyncapi: 3.0.0",
        "info: { title: Shop events, version: 2.0.0 }",
        "channels:",
        "  cartCheckedOut:",
        "    address: carts.checked-out",
        "    messages:",
        "      checkedOut: { $ref: './messages.yaml#/checkedOut' }",
        "operations:",
        "  sendCartCheckedOut:",
        "    action: send",
        "    channel: { $ref: '#/channels/cartCheckedOut' }",
        "    messages: [{ $ref: '#/channels/cartCheckedOut/messages/checkedOut' }]",
        "",
      ].join("\n"),
    });
    spec.set(`/catalogs/${name}/shop/messages.yaml`, { text: "checkedOut:\n  payload: { type: object, properties: { cartId: { type: string } } }\n" });
    spec.set(`/catalogs/${name}/shop/paths/carts.yaml`, { text: "get:\n  responses: { '200': { description: The carts. } }\n" });
    spec.set(`/catalogs/${name}/shared/standalone.yaml`, { text: "openapi: 3.0.3\ninfo: { title: Standalone, version: 1.1.0 }\npaths: {}\n" });
    elsewhere.set("/standalone.yaml", { text: "openapi: 3.0.3\ninfo: { title: Elsewhere, version: 9.9.9 }\npaths: {}\n" });
    spec.set(`/catalogs/${name}/far/catalog-info.yaml`, { text: catalogOf(`${name}-far`, `${elsewhere.url}/standalone.yaml`) });
    spec.set(`/catalogs/${name}/far/openapi.yaml`, { text: "openapi: 3.0.3\ninfo: { title: Far, version: 1.0.0 }\npaths: {}\n" });
  });
  afterAll(async () => db?.close());

  it("reads each substituted definition relative to the catalog file, its own $refs too", async () => {
    const { outcomes } = await importBackstage(db.prisma, { actor: admin, url: at("/shop/catalog-info.yaml") });
    const byName = Object.fromEntries(outcomes.map((outcome) => [outcome.name, outcome]));
    expect(byName[`${name}-shop-api`]).toMatchObject({ action: "updated", reason: `API version 4.2.0 (revision 1) of ${name}-shop-service` });
    expect(byName[`${name}-shop-standalone`]).toMatchObject({ action: "created", reason: "API version 1.1.0 stored" });
    const shop = await getService(db.prisma, `${name}-shop-service`);
    expect(shop.versions.map((version) => [version.version, version.operationCount])).toEqual([["4.2.0", 1]]);
    // AsyncAPI definitions become versions of an event API: one in files (a $ref to another among
    // them) of the service that provides it, one inline of its own service.
    expect(byName[`${name}-shop-stream`]).toMatchObject({ action: "updated", reason: `event API version 2.0.0 (revision 1) of ${name}-shop-service` });
    expect(byName[`${name}-shop-events`]).toMatchObject({ action: "created", reason: "event API version 1.0.0 stored" });
    const events = await listEventVersions(db.prisma, `${name}-shop-service`);
    expect(events.map((version) => [version.version, version.operationCount, version.origin])).toEqual([["2.0.0", 1, "import"]]);
    expect(byName[`${name}-shop-mislabelled`]).toMatchObject({
      action: "created",
      reason: expect.stringMatching(/^no event API version stored: its type is "asyncapi", but .*openapi\.yaml is an OpenAPI document/),
    });
  });

  it("pasted: names the entries that need the catalog's URL, and imports the rest", async () => {
    const { outcomes } = await importBackstage(db.prisma, { actor: admin, yaml: catalogOf(`${name}-paste`) });
    const byName = Object.fromEntries(outcomes.map((outcome) => [outcome.name, outcome]));
    expect(byName[`${name}-paste-api`]).toMatchObject({
      action: "skipped",
      reason: expect.stringMatching(/\$text substitution \("\.\/openapi\.yaml"\).*import the catalog by URL/),
    });
    expect(byName[`${name}-paste-standalone`]).toMatchObject({ action: "created", reason: expect.stringMatching(/^no API version stored: .*\$openapi/) });
    expect(byName[`${name}-paste-service`]).toMatchObject({ action: "created" });
  });

  it("fetches nothing the allowlist does not name: a definition on another host is refused, saying why", async () => {
    const { outcomes } = await importBackstage(db.prisma, { actor: admin, url: at("/far/catalog-info.yaml") });
    const far = outcomes.find((outcome) => outcome.name === `${name}-far-standalone`);
    expect(far?.reason).toMatch(
      /no API version stored: its definition http:\/\/localhost:\d+\/standalone\.yaml could not be read: Refused to fetch localhost.*WAYFINDER_FETCH_ALLOW/,
    );
    expect(elsewhere.requests).toEqual([]);
    expect(await errorCode(importBackstage(db.prisma, { actor: admin, url: `${elsewhere.url}/catalog-info.yaml` }))).toBe("FETCH_REFUSED");
  });

  it("is for admins only, checked before anything is fetched", async () => {
    const person = await signInUser(db.prisma, { email: `someone-${name}@import.test`, name: "Someone", firstUserIsAdmin: false });
    const actor = await loadUserActor(db.prisma, person.id, []);
    const before = spec.requests.length;
    expect(await errorCode(importBackstage(db.prisma, { actor, url: at("/shop/catalog-info.yaml") }))).toBe("FORBIDDEN");
    expect(spec.requests.length).toBe(before);
  });
});
