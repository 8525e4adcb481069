import { operations } from "@/lib/api/contract/operations";
import { describeActor } from "@/lib/auth/describe-actor";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";

export const GET = defineRoute(operations.getCaller, async ({ actor, reply }) => reply(await describeActor(await getDb(), actor)));
