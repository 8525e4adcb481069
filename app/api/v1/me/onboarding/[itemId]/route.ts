import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { setTick } from "@/lib/onboarding/onboarding-ticks";

export const PUT = apiRoute<{ itemId: string }>(async (_request, { itemId }, { actor }) => {
  await setTick(await getDb(), { actor, itemId, ticked: true });
  return new Response(null, { status: 204 });
});

export const DELETE = apiRoute<{ itemId: string }>(async (_request, { itemId }, { actor }) => {
  await setTick(await getDb(), { actor, itemId, ticked: false });
  return new Response(null, { status: 204 });
});
