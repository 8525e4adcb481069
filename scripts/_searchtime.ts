import { openDatabase } from "@/lib/db/open-database";
import { searchEverything } from "@/lib/search/search-everything";
import { searchInputSchema } from "@/lib/search/search-input";
const url = process.argv[2]!;
const db = await openDatabase(url.startsWith("postgres") ? { kind: "postgres", url } : { kind: "pglite", dataDir: url });
const queries = ["createInvoice1000", "refund capture", "shipmnet", "/v1/parcels/{parcelId}", "idempotency key", "cancel subscription", "webhok", "tenant", "getCustomer1999", "payments ledger", "get", "invoice"];
for (const q of queries) {
  const times: number[] = [];
  let r;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    r = await searchEverything(db.prisma, searchInputSchema.parse({ q }));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(q.padEnd(28), "median", times[3]!.toFixed(1), "ms; ops", r!.operationTotal, "first", r!.operations[0]?.operationId, "corr", JSON.stringify(r!.corrections));
}
await db.close();
