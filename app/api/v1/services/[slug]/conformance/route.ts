import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getConformance } from "@/lib/conformance/get-conformance";
import { assertMayRecordConformance } from "@/lib/conformance/may-record";
import { recordVerifyRun } from "@/lib/conformance/record-verify-run";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.getConformance, async ({ actor, params: { slug }, query, reply }) =>
  reply(await getConformance(await getDb(), { actor, slug, version: query.version })),
);

export const POST = defineRoute(operations.recordVerifyRun, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // The service and the right to change it first: a refused caller learns nothing of the body's rules.
  await assertMayRecordConformance(db, actor, slug);
  return reply(await recordVerifyRun(db, actor, { slug, run: await body() }), { status: 201 });
});
