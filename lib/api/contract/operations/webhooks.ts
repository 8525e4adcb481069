import { z } from "zod";
import { webhookInputSchema } from "@/lib/webhooks/webhook-input";
import * as r from "../response-schemas";
import { teamParams, json, error, changeErrors, authErrors, noTeam, type Operation } from "../operation-parts";

/** Webhook subscriptions and their deliveries. */
export const webhookOperations = {
  listTeamWebhooks: {
    method: "get",
    path: "/teams/{slug}/webhooks",
    tags: ["Webhooks"],
    summary: "A team's webhook subscriptions",
    description: "For the team's maintainers and admins, each with its last 10 deliveries.",
    access: "change",
    params: teamParams,
    responses: { 200: json("Subscriptions.", r.webhookListSchema), ...authErrors, ...noTeam },
  },
  createTeamWebhook: {
    method: "post",
    path: "/teams/{slug}/webhooks",
    tags: ["Webhooks"],
    summary: "Subscribe an endpoint to events of a team's services",
    description:
      "The team's maintainers and admins; `service` narrows it to one service the team owns. Deliveries are signed per Standard Webhooks with the secret in this response, retried with exponential backoff; the endpoint must be https (http only for hosts WAYFINDER_WEBHOOK_ALLOW names). The payloads are in this document's `webhooks`.",
    access: "change",
    params: teamParams,
    body: webhookInputSchema.meta({ id: "WebhookInput" }),
    responses: { 201: json("The subscription and its secret, shown once.", r.newWebhookSchema), ...changeErrors, ...noTeam },
  },
  listWebhooks: {
    method: "get",
    path: "/webhooks",
    tags: ["Webhooks"],
    summary: "Webhook subscriptions for every service",
    access: "change",
    responses: { 200: json("Subscriptions.", r.webhookListSchema), ...authErrors },
  },
  createWebhook: {
    method: "post",
    path: "/webhooks",
    tags: ["Webhooks"],
    summary: "Subscribe an endpoint to events of every service",
    description: "Admins only. As for a team's, without `service`.",
    access: "change",
    body: webhookInputSchema,
    responses: { 201: json("The subscription and its secret, shown once.", r.newWebhookSchema), ...changeErrors },
  },
  deleteWebhook: {
    method: "delete",
    path: "/webhooks/{id}",
    tags: ["Webhooks"],
    summary: "Remove a webhook subscription",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 204: { description: "Removed, with its deliveries." }, ...authErrors, 404: error("No such webhook.") },
  },
  testWebhook: {
    method: "post",
    path: "/webhooks/{id}/test",
    tags: ["Webhooks"],
    summary: "Send a test event",
    description: "A `webhook.test` event to this subscription alone; a disabled subscription is enabled again.",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 202: json("Queued.", z.object({ eventId: z.string(), deliveries: z.int() })), ...authErrors, 404: error("No such webhook.") },
  },
  redeliverWebhook: {
    method: "post",
    path: "/webhooks/deliveries/{id}/redeliver",
    tags: ["Webhooks"],
    summary: "Send a delivery's event again",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 202: json("Queued as a new delivery.", z.object({ deliveryId: z.string() })), ...authErrors, 404: error("No such delivery.") },
  },
} as const satisfies Record<string, Operation>;
