import { z } from "zod";
import * as r from "../response-schemas";
import { json, error, authErrors, type Operation } from "../operation-parts";

/** The caller: who they are, their onboarding checklist. */
export const meOperations = {
  getCaller: {
    method: "get",
    path: "/me",
    tags: ["People"],
    summary: "Who is calling",
    access: "read",
    responses: { 200: json("The caller: a person with their teams, a token with its scope, or anonymous.", r.callerSchema) },
  },
  listOnboardingTicks: {
    method: "get",
    path: "/me/onboarding",
    tags: ["People"],
    summary: "The onboarding checklist items the signed-in person has ticked",
    access: "session",
    responses: { 200: json("Ticked item ids.", r.onboardingTicksSchema), ...authErrors },
  },
  tickOnboardingItem: {
    method: "put",
    path: "/me/onboarding/{itemId}",
    tags: ["People"],
    summary: "Tick an onboarding checklist item",
    access: "session",
    params: z.object({ itemId: r.slugRef }),
    responses: { 204: { description: "Ticked." }, ...authErrors, 404: error("No such checklist item.") },
  },
  untickOnboardingItem: {
    method: "delete",
    path: "/me/onboarding/{itemId}",
    tags: ["People"],
    summary: "Untick an onboarding checklist item",
    access: "session",
    params: z.object({ itemId: r.slugRef }),
    responses: { 204: { description: "Unticked." }, ...authErrors, 404: error("No such checklist item.") },
  },
} as const satisfies Record<string, Operation>;
