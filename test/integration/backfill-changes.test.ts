/**
 * Versions stored without classified changes (before diffs existed) get them from the background
 * work: the base publishing would have chosen among the versions published before, the same changes
 * and counts, once (a second run and a version published since are left alone), through the job queue
 * on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PgBoss } from "pg-boss";
import { Prisma } from "@/generated/prisma/client";
import { systemActor } from "@/lib/auth/actor";
import { backfillChanges, versionsWithoutChanges } from "@/lib/changes/backfill-changes";
import { queueBackfills, workBackfills } from "@/lib/changes/backfill-jobs";
import type { Database } from "@/lib/platform/db/open-database";
import { createService } from "@/lib/services/create-service";
import { startJobQueue } from "@/lib/start-up/job-queues";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";
import { openApi30 } from "../support/documents";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("backfill test");

describe.each(testDatabases)("backfilling classified changes on $name", ({ open }) => {
  let db: Database;
  let boss: PgBoss | undefined;
  const columns = {
    baseVersion: true,
    baseRevision: true,
    breakingCount: true,
    warningCount: true,
    infoCount: true,
    semverViolation: true,
    changes: true,
  } as const;

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "history", name: "History" } });
    await createService(db.prisma, { actor, input: { slug: "old-api", name: "Old API", primaryOwner: "history" } });
    // 1.0.0 → 1.1.0 removes /b (breaking, without a major version) → 2.0.0 adds /c.
    for (const [version, paths] of [
      ["1.0.0", ["/a", "/b"]],
      ["1.1.0", ["/a"]],
      ["2.0.0", ["/a", "/c"]],
    ] as const)
      await publishVersion(db.prisma, { actor, serviceSlug: "old-api", text: openApi30(version, [...paths]) });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false }).catch(() => undefined);
    await db?.close();
  });

  it("finds nothing to do where every version that follows another has its changes", async () => {
    expect(await versionsWithoutChanges(db.prisma)).toEqual([]);
  });

  it("classifies stored versions as publishing did, through the queue, once", async () => {
    const versions = () =>
      db.prisma.apiVersion.findMany({ where: { service: { slug: "old-api" } }, orderBy: { createdAt: "asc" }, select: { version: true, ...columns } });
    const published = await versions();
    expect(published.map((version) => [version.version, version.baseVersion, version.breakingCount])).toEqual([
      ["1.0.0", null, 0],
      ["1.1.0", "1.0.0", 1],
      ["2.0.0", "1.1.0", 0],
    ]);
    // As a portal from before diffs stored them.
    await db.prisma.apiVersion.updateMany({
      where: { service: { slug: "old-api" } },
      data: { baseVersion: null, baseRevision: null, breakingCount: 0, warningCount: 0, infoCount: 0, semverViolation: false, changes: Prisma.DbNull },
    });
    const waiting = await versionsWithoutChanges(db.prisma);
    // The first version follows nothing: it is never listed, so the look ends.
    expect(waiting.map((backfill) => [backfill.version, backfill.base.version])).toEqual([
      ["1.1.0", "1.0.0"],
      ["2.0.0", "1.1.0"],
    ]);

    boss = await startJobQueue(db);
    await workBackfills(db.prisma, boss);
    expect(await queueBackfills(db.prisma, boss)).toBe(2);
    const deadline = Date.now() + 60_000;
    while ((await versionsWithoutChanges(db.prisma)).length) {
      if (Date.now() > deadline) throw new Error("the backfill did not finish within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await versions()).toEqual(published);

    // Idempotent: run again by hand, nothing is written.
    expect(await backfillChanges(db.prisma, waiting[0]!)).toBe(false);
    expect(await queueBackfills(db.prisma, boss)).toBe(0);
  });
});
