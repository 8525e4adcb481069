import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { listTicks } from "@/lib/onboarding/onboarding-ticks";

export const GET = defineRoute(operations.listOnboardingTicks, async ({ actor, reply }) => reply({ items: await listTicks(await getDb(), actor) }));
