import { openDatabase } from "@/lib/db/open-database";
import { loadBenchCompany } from "../bench/catalogue-data";
const url = process.argv[2]!;
const db = await openDatabase(url.startsWith("postgres") ? { kind: "postgres", url } : { kind: "pglite", dataDir: url });
const t = Date.now();
await loadBenchCompany(db.prisma, { onProgress: (n) => process.stderr.write(`\r${n}`) });
console.log("\nseeded in", (Date.now() - t) / 1000, "s; ops", await db.prisma.operation.count());
await db.close();
