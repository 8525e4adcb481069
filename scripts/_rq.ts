import { openDatabase } from "@/lib/db/open-database";
import { resolveQuery } from "@/lib/search/resolve-query";
const db = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/bench_catalogue" });
console.log("words", await db.prisma.searchWord.count());
for (const q of ["shipmnet", "refund capture", "createInvoice1000", "tenant"]) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) { const t = performance.now(); await resolveQuery(db.prisma, q); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(q, times[3]!.toFixed(1));
}
await db.close();
