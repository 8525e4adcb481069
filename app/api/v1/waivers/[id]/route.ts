import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { revokeWaiver } from "@/lib/approvals/manage-waivers";
import { getDb } from "@/lib/platform/db/database";

export const DELETE = defineRoute(operations.revokeWaiver, async ({ actor, params: { id }, reply }) => reply(await revokeWaiver(await getDb(), { actor, id })));
