import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { dxSlos } from "@/lib/insights/dx-slos";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.getDxSlos, async ({ actor, reply }) => reply(await dxSlos(await getDb(), actor)));
