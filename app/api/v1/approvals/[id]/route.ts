import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { revokeApproval } from "@/lib/approvals/manage-approvals";
import { getDb } from "@/lib/platform/db/database";

export const DELETE = defineRoute(operations.revokeApproval, async ({ actor, params: { id }, reply }) =>
  reply(await revokeApproval(await getDb(), { actor, id })),
);
