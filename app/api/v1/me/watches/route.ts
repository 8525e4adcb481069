import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getDb } from "@/lib/platform/db/database";
import { publicUrl } from "@/lib/platform/env";
import { listWatches } from "@/lib/watches/manage-watches";

export const GET = defineRoute(operations.listWatches, async ({ actor, reply }) =>
  reply(await listWatches(await getDb(), { actor, baseUrl: publicUrl().origin })),
);
