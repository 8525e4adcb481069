import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const DELETE = defineRoute(operations.revokeToken, async ({ actor, params: { id }, reply }) =>
  reply(await revokeToken(await getDb(), { actor, tokenId: id })),
);
