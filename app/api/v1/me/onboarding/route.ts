import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { listTicks } from "@/lib/onboarding/onboarding-ticks";

export const GET = defineRoute(operations.listOnboardingTicks, async ({ actor, reply }) => reply({ items: await listTicks(await getDb(), actor) }));
