import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam, isAdmin } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { hostRefusal } from "@/lib/platform/fetch/check-host-addresses";
import { loadTeam } from "@/lib/org/load-team";
import { webhookInputSchema, type WebhookInput } from "./webhook-input";
import { encryptSecret, newWebhookSecret } from "./webhook-secret";
import { isCallableEndpoint, webhookSettings } from "./webhook-settings";
import { toWebhookView, webhookSelect } from "./webhook-view";

/**
 * Subscribes an endpoint: for a team's services (or one of them) by its maintainers and admins, for
 * every service by admins. Returns the signing secret, this once.
 */
export async function createWebhook(db: Db, { actor, teamSlug, input }: { actor: Actor; teamSlug?: string; input: WebhookInput }) {
  const data = webhookInputSchema.parse(input);
  if (!isCallableEndpoint(new URL(data.url), webhookSettings().policy))
    throw new AppError("VALIDATION_FAILED", "The endpoint must be https (http only for hosts WAYFINDER_WEBHOOK_ALLOW names).", {
      issues: [{ path: ["url"], message: "must be an https URL" }],
    });
  return inTransaction(db, async (tx) => {
    let teamId: string | null = null;
    let serviceId: string | null = null;
    if (teamSlug) {
      if (data.includeConsumed && data.service)
        throw new AppError("VALIDATION_FAILED", "Consumed APIs are heard by a subscription to all of the team's services.", {
          issues: [{ path: ["includeConsumed"], message: "is for subscriptions to all of the team's services" }],
        });
      const team = await loadTeam(tx, teamSlug);
      assert(canManageTeam(actor, team.id), actor, `add webhooks for the team "${teamSlug}"`);
      teamId = team.id;
      if (data.service) {
        const service = await tx.service.findFirst({ where: { slug: data.service, ownerships: { some: { teamId } } }, select: { id: true } });
        if (!service)
          throw new AppError("VALIDATION_FAILED", `"${teamSlug}" owns no service "${data.service}".`, {
            issues: [{ path: ["service"], message: "is not a service of this team" }],
          });
        serviceId = service.id;
      }
    } else {
      assert(isAdmin(actor), actor, "add webhooks for every service");
      if (data.service)
        throw new AppError("VALIDATION_FAILED", "A subscription for one service is made on its team.", {
          issues: [{ path: ["service"], message: "is for team subscriptions" }],
        });
      if (data.includeConsumed)
        throw new AppError("VALIDATION_FAILED", "A portal-wide subscription hears every service already.", {
          issues: [{ path: ["includeConsumed"], message: "is for team subscriptions" }],
        });
    }
    // Internal addresses are refused when subscribing too, not only at each delivery.
    const refused = await hostRefusal(new URL(data.url), webhookSettings().policy, "WAYFINDER_WEBHOOK_ALLOW");
    if (refused)
      throw new AppError(
        "VALIDATION_FAILED",
        `The endpoint is not reachable from the portal: ${refused}. Internal hosts can be allowed with WAYFINDER_WEBHOOK_ALLOW.`,
        {
          issues: [{ path: ["url"], message: "points at an internal address" }],
        },
      );
    const secret = newWebhookSecret();
    const row = await tx.webhookSubscription.create({
      data: {
        url: data.url,
        format: data.format,
        events: data.events,
        description: data.description,
        includeConsumed: data.includeConsumed,
        teamId,
        serviceId,
        secretCipher: encryptSecret(secret),
        createdById: actor.kind === "user" ? actor.userId : null,
      },
      select: webhookSelect,
    });
    const view = toWebhookView(row);
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: row.id, entityKey: teamSlug ?? "*", after: view });
    return { ...view, secret };
  });
}
