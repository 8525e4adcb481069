import type { Db } from "./types";

/**
 * Where the database's write-ahead log is being written: it moves with every change anywhere in the
 * database (and now and then with none, at a checkpoint), never back. Two equal readings mean nothing
 * was written between them, so whatever was read from the database then still holds. The insert
 * position, not the flushed one: it moves as a change is made, before its commit returns.
 */
export async function databaseWritePosition(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ position: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS position`;
  return row?.position ?? "";
}
