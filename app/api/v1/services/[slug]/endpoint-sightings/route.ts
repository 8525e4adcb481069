import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { assertMayRecordConformance } from "@/lib/conformance/may-record";
import { recordEndpointSightings } from "@/lib/insights/record-endpoint-sightings";
import { getDb } from "@/lib/platform/db/database";

export const POST = defineRoute(operations.recordEndpointSightings, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // The service and the right to change it first: a refused caller learns nothing of the body's rules.
  await assertMayRecordConformance(db, actor, slug);
  return reply(await recordEndpointSightings(db, actor, { slug, sightings: await body() }));
});
