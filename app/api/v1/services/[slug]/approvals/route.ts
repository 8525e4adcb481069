import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { approveChange, assertMayApprove, listApprovals } from "@/lib/approvals/manage-approvals";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listServiceApprovals, async ({ actor, params: { slug }, reply }) =>
  reply(await listApprovals(await getDb(), { actor, serviceSlug: slug })),
);

export const POST = defineRoute(operations.approveChange, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  await assertMayApprove(db, actor, slug);
  return reply(await approveChange(db, { actor, serviceSlug: slug, input: await body() }), { status: 201 });
});
