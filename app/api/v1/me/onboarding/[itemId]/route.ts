import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { setTick } from "@/lib/onboarding/onboarding-ticks";

export const PUT = defineRoute(operations.tickOnboardingItem, async ({ actor, params }) => {
  await setTick(await getDb(), { actor, itemId: params.itemId, ticked: true });
  return new Response(null, { status: 204 });
});

export const DELETE = defineRoute(operations.untickOnboardingItem, async ({ actor, params }) => {
  await setTick(await getDb(), { actor, itemId: params.itemId, ticked: false });
  return new Response(null, { status: 204 });
});
