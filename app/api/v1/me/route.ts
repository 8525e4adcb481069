import { operations } from "@/lib/api/contract/operations";
import { describeActor } from "@/lib/auth/describe-actor";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.getCaller, async ({ actor, reply }) => reply(await describeActor(await getDb(), actor)));
