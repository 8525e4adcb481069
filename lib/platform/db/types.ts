import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** What domain functions take: the client, or the transaction they are called inside. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Whether `db` is a transaction already (a transaction client lacks $connect). */
export function isTransaction(db: Db): db is Prisma.TransactionClient {
  return !("$connect" in db);
}

/** Runs `work` in a transaction, or inside the one `db` already is. */
export async function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A transaction client lacks $connect (it has $transaction, for savepoints, which PGlite's adapter lacks).
  return "$connect" in db ? db.$transaction(work, { timeout: 60_000, maxWait: 10_000 }) : work(db as Prisma.TransactionClient);
}
