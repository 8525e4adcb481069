import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const DELETE = defineRoute(operations.revokeToken, async ({ actor, params: { id }, reply }) =>
  reply(await revokeToken(await getDb(), { actor, tokenId: id })),
);
