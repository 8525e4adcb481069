/**
 * Published event APIs are linted in the background as HTTP versions are (issue 28): each event
 * version gets a report under the house ruleset's AsyncAPI rules, in a thread of its own, once per
 * ruleset; the service page and the version list say what it found. The demo's Inventory events
 * (AsyncAPI 2.6) are made to break two rules at run time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { prepareEventReceived } from "@/lib/asyncapi/prepare-event-document";
import { systemActor } from "@/lib/auth/actor";
import { readDemoEvents } from "@/lib/demo/demo-specs";
import { eventVersionsToLint, lintEventVersion } from "@/lib/lint/lint-event-version";
import type { Database } from "@/lib/platform/db/open-database";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { getEventVersion, listEventVersions } from "@/lib/versions/list-event-versions";
import { publishEventVersion } from "@/lib/versions/publish-event-version";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("event lint test");

describe.each(testDatabases)("linting event versions on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "stock", name: "Stock" } });
    await createService(db.prisma, { actor, input: { slug: "stock-events", name: "Stock events", primaryOwner: "stock" } });
  });
  afterAll(async () => db?.close());

  it("lints each event version once per ruleset, and keeps what it found", async () => {
    const document = parse(readDemoEvents("inventory-events.yaml")) as {
      channels: Record<string, { publish?: { operationId?: string; message: { examples?: unknown } } }>;
    };
    // An operation without its operationId (an error in 2.x) and a message without examples (a warning).
    delete document.channels["orders.placed"]!.publish!.operationId;
    delete document.channels["orders.placed"]!.publish!.message.examples;
    const prepared = await prepareEventReceived(Buffer.from(JSON.stringify(document)), "application/json", defaultIngestLimits);
    await publishEventVersion(db.prisma, { actor, serviceSlug: "stock-events", prepared });
    const [id] = await eventVersionsToLint(db.prisma);
    expect(id).toBeDefined();
    expect((await listEventVersions(db.prisma, "stock-events"))[0]!.lint).toBeNull();

    const linted = await lintEventVersion(db.prisma, id!);
    expect(linted).toMatchObject({ status: "done", errorCount: 1 });
    expect(await eventVersionsToLint(db.prisma)).not.toContain(id);
    expect((await listEventVersions(db.prisma, "stock-events"))[0]!.lint).toMatchObject({ status: "done", errorCount: 1, warnCount: expect.any(Number) });
    const stored = await getEventVersion(db.prisma, { serviceSlug: "stock-events" });
    const rules = (stored.lintReport!.findings as { ruleId: string; pointer: string }[]).map((finding) => `${finding.ruleId} ${finding.pointer}`);
    expect(rules).toContain("rule/operation-id /channels/orders.placed/publish");
    expect(rules.some((rule) => rule.startsWith("rule/message-examples"))).toBe(true);
  });
});
