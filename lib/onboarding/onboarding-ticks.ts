import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/permissions";
import { listEntries } from "@/lib/content/content-store";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/** Every checklist item id of the onboarding guide. */
export function checklistItemIds(): Set<string> {
  return new Set(listEntries("onboarding").flatMap((entry) => entry.frontmatter.checklist.map((item) => item.id)));
}

function personOf(actor: Actor): string {
  if (actor.kind !== "user") deny(actor, "keep onboarding progress (it belongs to a signed-in person)");
  return actor.userId;
}

/** The items this person has ticked. */
export async function listTicks(db: Db, actor: Actor): Promise<string[]> {
  const ticks = await db.onboardingTick.findMany({ where: { userId: personOf(actor) }, select: { itemId: true }, orderBy: { checkedAt: "asc" } });
  return ticks.map((tick) => tick.itemId);
}

/** Ticks or unticks one item for the signed-in person (their own progress: no audit entry). */
export async function setTick(db: Db, { actor, itemId, ticked }: { actor: Actor; itemId: string; ticked: boolean }): Promise<void> {
  const userId = personOf(actor);
  if (!checklistItemIds().has(itemId)) throw notFound(`Onboarding item "${itemId}"`);
  if (ticked) await db.onboardingTick.upsert({ where: { userId_itemId: { userId, itemId } }, create: { userId, itemId }, update: {} });
  else await db.onboardingTick.deleteMany({ where: { userId, itemId } });
}
