/**
 * Event APIs in the portal (issue 28): an AsyncAPI document published over REST and with `wayfinder
 * publish` against the production build on a fresh embedded database, kept as the service's event
 * API beside its HTTP one (own versions and revisions, compared direction-aware with the version it
 * follows), served back, and shown on the service page. Documents come from the AsyncAPI Initiative's
 * examples; variants are made at run time.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { fixturesDir } from "../support/fixtures";
import { startPortal, type PortalServer } from "../support/portal-server";
import { runWayfinder } from "../support/run-wayfinder";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const asyncDir = path.resolve(fixturesDir, "../asyncapi");
const text = (relative: string) => readFileSync(path.join(asyncDir, relative), "utf8");

describe.runIf(existsSync(asyncDir))("event APIs published to the portal", () => {
  let server: PortalServer;
  let admin: SessionHeaders;
  let dataDir: string;
  const publish = (slug: string, body: string, type = "application/yaml", headers: Record<string, string> = admin) =>
    fetch(`${server.url}/api/v1/services/${slug}/event-versions`, { method: "POST", headers: { ...headers, "Content-Type": type }, body });

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-events-");
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@events.test" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@events.test" });
    for (const slug of ["streetlights", "accounts"]) {
      const created = await fetch(`${server.url}/api/v1/services`, {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/json" },
        body: JSON.stringify({ slug, name: slug, primaryOwner: "platform" }),
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps versions and revisions, compares each with the one it follows, and says so", async () => {
    const first = await publish("streetlights", text("2.6/streetlights-kafka.yml"));
    expect(first.status, server.output().slice(-3000)).toBe(201);
    expect(await first.json()).toMatchObject({
      outcome: "created",
      kind: "version",
      version: "1.0.0",
      revision: 1,
      format: "asyncapi-2",
      channelCount: 4,
      operationCount: 4,
      messageCount: 3,
      diff: null,
    });
    // A dry run says what publishing would do, and stores nothing.
    const dry = await fetch(`${server.url}/api/v1/services/streetlights/event-versions?dryRun=true`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/yaml" },
      body: text("3.0/streetlights-kafka-asyncapi.yml"),
    });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ outcome: "valid", kind: "revision", revision: 2, diff: { summary: { breaking: 0 } } });
    expect((await (await fetch(`${server.url}/api/v1/services/streetlights/event-versions`)).json()).items).toHaveLength(1);
    const again = await publish("streetlights", text("2.6/streetlights-kafka.yml"));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "unchanged", revision: 1 });

    // The same API rewritten in 3.0: other content under the same version, so a revision, and no change.
    const rewritten = await publish("streetlights", text("3.0/streetlights-kafka-asyncapi.yml"));
    expect(rewritten.status).toBe(201);
    expect(await rewritten.json()).toMatchObject({
      kind: "revision",
      revision: 2,
      format: "asyncapi-3.0",
      diff: { base: { version: "1.0.0", revision: 1 }, summary: { breaking: 0, warning: 0, info: 0 } },
    });

    // 1.1.0 makes a property of a message the service receives required: its producers break.
    const next = parse(text("3.0/streetlights-kafka-asyncapi.yml"));
    next.info.version = "1.1.0";
    next.components.schemas.lightMeasuredPayload.required = ["lumens"];
    const breaking = await publish("streetlights", JSON.stringify(next), "application/json");
    expect(breaking.status).toBe(201);
    const result = await breaking.json();
    expect(result).toMatchObject({ version: "1.1.0", revision: 1, diff: { base: { version: "1.0.0", revision: 2 }, summary: { breaking: 1 } } });
    expect(result.message).toContain("1 breaking");

    const list = await (await fetch(`${server.url}/api/v1/services/streetlights/event-versions`)).json();
    expect(list.items.map((item: { version: string; revision: number; isCurrent: boolean }) => [item.version, item.revision, item.isCurrent])).toEqual([
      ["1.1.0", 1, true],
      ["1.0.0", 2, false],
      ["1.0.0", 1, false],
    ]);
    expect(list.items[0].changes).toMatchObject({ base: { version: "1.0.0", revision: 2 }, breaking: 1 });

    const document = await fetch(`${server.url}/api/v1/services/streetlights/event-versions/1.0.0/document?revision=1`);
    expect(document.status).toBe(200);
    expect((await document.json()).asyncapi).toBe("2.6.0");
    const cached = await fetch(`${server.url}/api/v1/services/streetlights/event-versions/1.0.0/document?revision=1`, {
      headers: { "If-None-Match": document.headers.get("etag")! },
    });
    expect(cached.status).toBe(304);
    expect((await fetch(`${server.url}/api/v1/services/streetlights/event-versions/9.9.9/document`)).status).toBe(404);
    // As the parser read it, for the AsyncAPI React component: references resolved, marked as stringified.
    const parsed = await fetch(`${server.url}/api/v1/services/streetlights/event-versions/1.0.0/document?revision=1&form=parsed`);
    expect(parsed.status).toBe(200);
    expect(parsed.headers.get("etag")).not.toBe(document.headers.get("etag"));
    const body = await parsed.json();
    expect(body).toMatchObject({ asyncapi: "2.6.0", "x-parser-spec-parsed": true, "x-parser-spec-stringified": true });
    expect(JSON.stringify(body.channels)).not.toContain('"$ref"');

    const history = await (await fetch(`${server.url}/api/v1/services/streetlights/history`, { headers: admin })).json();
    expect(JSON.stringify(history)).toContain("event_version.publish");
  });

  it("shows the event API on the service page: operations by direction, messages, and what changed", async () => {
    // React separates adjacent text with `<!-- -->`: read the text as a person sees it.
    const page = (await (await fetch(`${server.url}/services/streetlights`)).text()).replace(/<!-- -->/g, "");
    expect(page).toContain('id="event-api"');
    expect(page).toContain("smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured");
    expect(page).toContain(">receives<");
    expect(page).toContain(">sends<");
    expect(page).toContain("Changes since 1.0.0");
    expect(page).toContain("request-property-became-required");
    const older = (await (await fetch(`${server.url}/services/streetlights?eventVersion=1.0.0&eventRevision=1`)).text()).replace(/<!-- -->/g, "");
    expect(older).toContain("AsyncAPI 2.6.0");
  });

  it("compares any two event versions, and lists them in the service's changelog and the company's changes", async () => {
    const diff = await fetch(`${server.url}/api/v1/services/streetlights/diff?contract=event&from=1.0.0&fromRevision=1&to=1.1.0`);
    expect(diff.status).toBe(200);
    const result = await diff.json();
    expect(result).toMatchObject({ from: { version: "1.0.0", revision: 1 }, to: { version: "1.1.0", revision: 1 }, summary: { breaking: 1 } });
    expect(result.changes.map((change: { id: string }) => change.id)).toContain("request-property-became-required");
    // The HTTP contract has no such versions: the same question of it is a 404, not an event answer.
    expect((await fetch(`${server.url}/api/v1/services/streetlights/diff?from=1.0.0&to=1.1.0`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/services/streetlights/diff?contract=graphql&from=1.0.0&to=1.1.0`)).status).toBe(400);

    const recent = await (await fetch(`${server.url}/api/v1/changes`)).json();
    const entry = recent.items.find((item: { service: { slug: string }; version: string }) => item.service.slug === "streetlights" && item.version === "1.1.0");
    expect(entry).toMatchObject({ contract: "event", base: { version: "1.0.0", revision: 2 }, summary: { breaking: 1 } });
    expect(entry.url).toBe("/services/streetlights/diff?contract=event&from=1.0.0&fromRevision=2&to=1.1.0&toRevision=1");
    const feed = await (await fetch(`${server.url}/changes/feed.atom`)).text();
    expect(feed).toContain("streetlights event API 1.1.0 (revision 1): 1 breaking");

    const text = async (path: string) => (await (await fetch(`${server.url}${path}`)).text()).replace(/<!-- -->/g, "");
    const changelog = await text("/services/streetlights/changes");
    expect(changelog).toContain('id="event-api-changes"');
    expect(changelog).toContain("request-property-became-required");
    const compared = await text(`/services/streetlights/diff?contract=event&from=1.0.0&fromRevision=1&to=1.1.0`);
    expect(compared).toContain("event API");
    expect(compared).toContain("request-property-became-required");
  });

  it("lists a large event API whole, and renders payloads, examples and samples only for the message asked for", async () => {
    // 150 channels, each sent on with its own message: 300 operations and messages, made here.
    const channels: Record<string, unknown> = {};
    const operations: Record<string, unknown> = {};
    for (let i = 0; i < 150; i += 1) {
      channels[`c${i}`] = {
        address: `domain.entity${i}.changed`,
        messages: {
          [`m${i}`]: {
            payload: { type: "object", properties: { [`fieldOfEntity${i}`]: { type: "string" } } },
            examples: [{ payload: { [`fieldOfEntity${i}`]: "x" } }],
          },
        },
      };
      operations[`send${i}`] = { action: "send", channel: { $ref: `#/channels/c${i}` }, messages: [{ $ref: `#/channels/c${i}/messages/m${i}` }] };
    }
    const large = {
      asyncapi: "3.0.0",
      info: { title: "Large", version: "1.0.0" },
      servers: { k: { host: "kafka:9092", protocol: "kafka" } },
      channels,
      operations,
    };
    const created = await fetch(`${server.url}/api/v1/services`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "large-events", name: "Large events", primaryOwner: "platform" }),
    });
    expect(created.status).toBe(201);
    expect((await publish("large-events", JSON.stringify(large), "application/json")).status).toBe(201);
    const page = async (query = "") => (await (await fetch(`${server.url}/services/large-events${query}`)).text()).replace(/<!-- -->/g, "");
    const whole = await page();
    expect(whole).toContain('data-testid="event-api-large"');
    // Every operation and message is listed; no payload, example or sample is rendered.
    expect(whole).toContain("domain.entity149.changed");
    expect(whole).toContain('id="message-m149"');
    expect(whole).not.toContain("fieldOfEntity7");
    expect(whole).not.toContain("kcat -b");
    const one = await page("?eventVersion=1.0.0&eventRevision=1&message=m7");
    expect(one).toContain("fieldOfEntity7");
    expect(one).not.toContain("fieldOfEntity8");
    expect(one).toContain("kcat -b &#x27;kafka:9092&#x27; -t &#x27;domain.entity7.changed&#x27;");
    expect(one.length).toBeLessThan(whole.length + 20_000);
  });

  it("converts a 1.x document and reads a multi-file bundle", async () => {
    const v1 = {
      asyncapi: "1.2.0",
      info: { title: "Accounts", version: "1.0.0" },
      topics: { "user.signedup": { publish: { $ref: "#/components/messages/UserSignedUp" } } },
      components: { messages: { UserSignedUp: { payload: { type: "object", properties: { email: { type: "string" } } } } } },
    };
    const converted = await publish("accounts", stringify(v1));
    expect(converted.status).toBe(201);
    expect(await converted.json()).toMatchObject({ convertedFrom: "1.2.0", asyncapi: "2.6.0", operationCount: 1 });
    expect((await (await fetch(`${server.url}/services/accounts`)).text()).replace(/<!-- -->/g, "")).toContain("converted from 1.2.0");

    const folder = path.join(asyncDir, "3.0/social-media");
    const files: Record<string, string> = {};
    for (const file of ["backend/asyncapi.yaml", "common/messages.yaml", "common/parameters.yaml", "common/schemas.yaml", "common/servers.yaml"])
      if (existsSync(path.join(folder, file))) files[file] = readFileSync(path.join(folder, file), "utf8");
    const bundled = await publish("accounts", JSON.stringify({ root: "backend/asyncapi.yaml", files }), "application/vnd.wayfinder.bundle+json");
    expect(bundled.status, await bundled.clone().text()).toBe(201);
    expect(await bundled.json()).toMatchObject({ format: "asyncapi-3.0", operationCount: 4 });
  });

  it("refuses what is not an event API, and anyone who may not publish, naming why", async () => {
    const openapi = await publish("accounts", JSON.stringify({ openapi: "3.1.0", info: { title: "HTTP", version: "1" }, paths: {} }), "application/json");
    expect(openapi.status).toBe(422);
    expect((await openapi.json()).error.message).toContain("not an AsyncAPI description");
    const wrongPlace = await fetch(`${server.url}/api/v1/services/accounts/versions`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/yaml" },
      body: text("3.0/simple-asyncapi.yml"),
    });
    expect(wrongPlace.status).toBe(422);
    expect((await wrongPlace.json()).error.message).toContain("publish it as the service's event API");
    const invalid = await publish("accounts", stringify({ asyncapi: "3.0.0", info: { title: "No version" } }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.message).toMatch(/not a valid AsyncAPI 3\.0\.0 description: .* at \/info/);
    const external = await publish("accounts", text("3.0/adeo-kafka-request-reply-asyncapi.yml"));
    expect(external.status).toBe(422);
    expect((await external.json()).error.message).toContain("refers to other files");
    expect((await publish("accounts", text("3.0/simple-asyncapi.yml"), "application/yaml", {})).status).toBe(401);
    expect((await publish("nobody", text("3.0/simple-asyncapi.yml"))).status).toBe(404);
  });

  it("wayfinder publish sends an AsyncAPI file to the service's event API", async () => {
    const token = await fetch(`${server.url}/api/v1/teams/platform/tokens`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "ci", service: "streetlights" }),
    });
    expect(token.status).toBe(201);
    const { token: secret } = (await token.json()) as { token: string };
    const published = await runWayfinder(["publish", "--service", "streetlights", path.join(asyncDir, "3.0/streetlights-mqtt-asyncapi.yml")], {
      WAYFINDER_URL: server.url,
      WAYFINDER_TOKEN: secret,
    });
    expect(published.code, published.err).toBe(0);
    expect(published.out).toMatch(/^streetlights: Revision 1 of 1\.0\.0|^streetlights: .*event API published/m);
  });

  it("holds event versions to the service's block policy, and wayfinder check gates a working copy on the event API", async () => {
    const policy = await fetch(`${server.url}/api/v1/services/streetlights`, {
      method: "PATCH",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ breakingChangePolicy: "block" }),
    });
    expect(policy.status).toBe(200);
    // 1.1.0 is what a 1.2.0 is compared with (the highest earlier version), whatever was published since.
    const newest = await (await fetch(`${server.url}/api/v1/services/streetlights/event-versions/1.1.0/document`)).json();
    // 1.2.0 drops a message the service sends: its consumers break.
    const next = structuredClone(newest) as { info: { version: string }; operations: Record<string, { action: string }> };
    next.info.version = "1.2.0";
    const sent = Object.entries(next.operations).find(([, operation]) => operation.action === "send")![0];
    delete next.operations[sent];
    const working = path.join(dataDir, "streetlights-next.json");
    writeFileSync(working, JSON.stringify(next));

    const checked = await fetch(`${server.url}/api/v1/services/streetlights/event-versions?dryRun=true`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify(next),
    });
    expect(checked.status).toBe(409);
    const refused = await publish("streetlights", JSON.stringify(next), "application/json");
    expect(refused.status).toBe(409);
    const error = (await refused.json()).error;
    expect(error.message).toMatch(/breaking change.* to the event API since 1\.1\.0.*"streetlights" blocks breaking changes/);
    expect(error.details.changes.map((change: { id: string }) => change.id)).toContain("event-operation-removed");
    expect((await (await fetch(`${server.url}/api/v1/services/streetlights/event-versions`)).json()).items[0].version).not.toBe("1.2.0");

    // The same working copy, checked in CI: exit 1 with a link to approve the change; the served one passes.
    const env = { WAYFINDER_URL: server.url };
    const check = await runWayfinder(["check", "--service", "streetlights", "--fail-on", "breaking", "--format", "text", working], env);
    expect(check.code, check.err).toBe(1);
    expect(check.out).toMatch(/approve\? event-operation-removed at .*\/services\/streetlights\/changes\?approveRule=event-operation-removed/);
    const same = path.join(dataDir, "streetlights-served.json");
    writeFileSync(same, JSON.stringify(newest));
    const passed = await runWayfinder(["check", "--service", "streetlights", "--fail-on", "breaking", same], env);
    expect(passed.code, passed.out + passed.err).toBe(0);

    // A maintainer publishes it anyway, with a reason, which is kept.
    const accepted = await fetch(`${server.url}/api/v1/services/streetlights/event-versions?acceptBreaking=${encodeURIComponent("consumers moved to v2")}`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify(next),
    });
    expect(accepted.status).toBe(201);
    const body = await accepted.json();
    expect(body.diff).toMatchObject({ acceptedBreakingReason: "consumers moved to v2", summary: { breaking: expect.any(Number) } });
    expect(body.message).toContain("Breaking changes accepted: consumers moved to v2");
    // 1.3.0 drops another operation: refused again, until each change is approved (as the check's
    // links offer); then its dry run is valid, the approvals being the reason.
    const later = structuredClone(next);
    later.info.version = "1.3.0";
    delete later.operations[Object.keys(later.operations)[0]!];
    const dryRun = (document: unknown) =>
      fetch(`${server.url}/api/v1/services/streetlights/event-versions?dryRun=true`, {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/json" },
        body: JSON.stringify(document),
      });
    const refusedLater = await dryRun(later);
    expect(refusedLater.status).toBe(409);
    const changes = (await refusedLater.json()).error.details.changes as {
      id: string;
      operation?: string;
      component?: string;
      pointer: { base?: string; revision?: string };
    }[];
    for (const change of changes) {
      const approved = await fetch(`${server.url}/api/v1/services/streetlights/approvals`, {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/json" },
        body: JSON.stringify({
          ruleId: change.id,
          target: change.operation ?? change.component ?? "",
          pointer: change.pointer.revision ?? change.pointer.base ?? "",
          reason: "the lights team stopped listening",
        }),
      });
      expect(approved.status, await approved.clone().text()).toBe(201);
    }
    const covered = await dryRun(later);
    expect(covered.status).toBe(200);
    expect((await covered.json()).diff.acceptedBreakingReason).toBe("approved: the lights team stopped listening");
  });

  it("lints every published event version in the background and shows the findings on the service page", async () => {
    // The background look queues lints every few seconds; each runs in a thread of its own.
    const deadline = Date.now() + 90_000;
    let items: { version: string; lint: { status: string; errorCount: number; warnCount: number } | null }[] = [];
    while (Date.now() < deadline) {
      items = (await (await fetch(`${server.url}/api/v1/services/streetlights/event-versions`)).json()).items;
      if (items.every((item) => item.lint)) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(
      items.every((item) => item.lint?.status === "done"),
      JSON.stringify(items.map((item) => item.lint)),
    ).toBe(true);
    const page = (await (await fetch(`${server.url}/services/streetlights`)).text()).replace(/<!-- -->/g, "");
    expect(page).toMatch(/House rules: (no findings|\d+ errors?, \d+ warnings?)/);
  }, 120_000);
});
