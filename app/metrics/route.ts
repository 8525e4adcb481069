import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/platform/env";
import { instrumented } from "@/lib/platform/http/instrumented";
import { metrics } from "@/lib/platform/metrics";

export const dynamic = "force-dynamic";

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The portal's metrics in Prometheus's text format, for scrapers with WAYFINDER_METRICS_TOKEN; 404 while it is unset. */
export const GET = instrumented("/metrics", async (request: Request) => {
  const token = env().WAYFINDER_METRICS_TOKEN;
  if (!token) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  const sent = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(sent, token))
    return new Response("Send the metrics token as Authorization: Bearer <WAYFINDER_METRICS_TOKEN>.\n", {
      status: 401,
      headers: { "Content-Type": "text/plain", "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
});
