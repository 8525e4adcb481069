import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";

/**
 * Finds or creates the person signing in, by email (lower-cased), and refreshes their name. In the
 * embedded default the first person to sign in while the instance has no admin becomes one, so a
 * fresh instance can be set up at all. "No admin" rather than "no user": people added to a team by
 * email (and the demo's maintainers) exist before they ever sign in.
 */
export async function signInUser(db: Db, input: { email: string | null | undefined; name?: string | null; image?: string | null; firstUserIsAdmin: boolean }) {
  const email = input.email?.trim().toLowerCase();
  if (!email) throw new AppError("UNAUTHORIZED", "The sign-in provider did not give an email address.");
  const name = input.name?.trim() || email.split("@")[0] || email;
  const makeAdmin = input.firstUserIsAdmin && (await db.user.count({ where: { isAdmin: true } })) === 0;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    return db.user.update({
      where: { id: existing.id },
      data: { name, image: input.image ?? undefined, lastSeenAt: new Date(), ...(makeAdmin ? { isAdmin: true } : {}) },
      select: { id: true, email: true, name: true },
    });
  }
  return db.user.create({ data: { email, name, image: input.image ?? null, isAdmin: makeAdmin }, select: { id: true, email: true, name: true } });
}
