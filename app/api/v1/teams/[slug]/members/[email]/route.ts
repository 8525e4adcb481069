import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { removeMembership } from "@/lib/teams/remove-membership";

export const DELETE = apiRoute<{ slug: string; email: string }>(async (_request, { slug, email }, { actor }) => {
  await removeMembership(await getDb(), { actor, teamSlug: slug, email });
  return new Response(null, { status: 204 });
});
