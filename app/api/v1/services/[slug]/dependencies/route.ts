import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listNeighbours } from "@/lib/consumers/list-consumers";
import { assertMayDeclare, replaceConsumptions } from "@/lib/consumers/manage-consumptions";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listServiceDependencies, async ({ actor, params: { slug }, query: { page, pageSize }, reply }) =>
  reply(await listNeighbours(await getDb(), { actor, slug, side: "dependencies", page, pageSize })),
);

export const PUT = defineRoute(operations.replaceConsumptions, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  await assertMayDeclare(db, actor, slug);
  return reply(await replaceConsumptions(db, { actor, consumerSlug: slug, file: await body(), source: "file" }));
});
