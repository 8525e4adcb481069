import type { UserActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { feedKey } from "./feed-key";

async function serviceId(db: Db, slug: string): Promise<string> {
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  return service.id;
}

/** Watches a service's changes (a person's own preference: no permission beyond reading, not audited). */
export async function watchService(db: Db, { actor, slug }: { actor: UserActor; slug: string }): Promise<void> {
  const id = await serviceId(db, slug);
  await db.serviceWatch.upsert({
    where: { userId_serviceId: { userId: actor.userId, serviceId: id } },
    create: { userId: actor.userId, serviceId: id },
    update: {},
  });
}

export async function unwatchService(db: Db, { actor, slug }: { actor: UserActor; slug: string }): Promise<void> {
  const id = await serviceId(db, slug);
  await db.serviceWatch.deleteMany({ where: { userId: actor.userId, serviceId: id } });
}

export async function isWatching(db: Db, { userId, slug }: { userId: string; slug: string }): Promise<boolean> {
  return (await db.serviceWatch.count({ where: { userId, service: { slug } } })) > 0;
}

/** What a person watches, and the private link of their feed. */
export async function listWatches(db: Db, { actor, baseUrl }: { actor: UserActor; baseUrl: string }) {
  const rows = await db.serviceWatch.findMany({
    where: { userId: actor.userId },
    select: { createdAt: true, service: { select: { slug: true, name: true } } },
    orderBy: { service: { name: "asc" } },
  });
  const feed = new URL("/changes/feed.atom", baseUrl);
  feed.search = new URLSearchParams({ watcher: actor.userId, key: feedKey(actor.userId) }).toString();
  return { items: rows.map((row) => ({ service: row.service, since: row.createdAt.toISOString() })), feed: feed.href };
}
