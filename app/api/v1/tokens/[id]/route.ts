import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const DELETE = apiRoute<{ id: string }>(async (_request, { id }, { actor }) => Response.json(await revokeToken(await getDb(), { actor, tokenId: id })));
