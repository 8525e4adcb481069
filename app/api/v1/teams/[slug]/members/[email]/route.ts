import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { removeMembership } from "@/lib/teams/remove-membership";

export const DELETE = defineRoute(operations.removeTeamMember, async ({ actor, params: { slug, email } }) => {
  await removeMembership(await getDb(), { actor, teamSlug: slug, email });
  return new Response(null, { status: 204 });
});
