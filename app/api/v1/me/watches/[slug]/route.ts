import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getDb } from "@/lib/platform/db/database";
import { unwatchService, watchService } from "@/lib/watches/manage-watches";

export const PUT = defineRoute(operations.watchService, async ({ actor, params: { slug } }) => {
  await watchService(await getDb(), { actor, slug });
  return new Response(null, { status: 204 });
});

export const DELETE = defineRoute(operations.unwatchService, async ({ actor, params: { slug } }) => {
  await unwatchService(await getDb(), { actor, slug });
  return new Response(null, { status: 204 });
});
