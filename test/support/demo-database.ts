import type { Database } from "@/lib/platform/db/open-database";
import { seedDemo } from "@/lib/demo/seed-demo";

/** A fresh database (from testDatabases' `open`, or a data folder) holding the demo company, seeded in one transaction. */
export async function openDemoDatabase(open: () => Promise<Database>): Promise<Database> {
  const db = await open();
  await db.prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
  return db;
}
