import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { archiveService } from "@/lib/services/archive-service";
import { getService } from "@/lib/services/get-service";

export const POST = defineRoute(operations.archiveService, async ({ actor, params: { slug }, reply }) => {
  const db = await getDb();
  await archiveService(db, { actor, slug });
  return reply(await getService(db, slug, { reader: actor }));
});
