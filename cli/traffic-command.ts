import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { z } from "zod";
import type { trafficReportSchema } from "@/lib/api/contract/schemas/conformance";
import { parseCliEnv } from "@/lib/platform/env";

/** `wayfinder traffic`: 0 the traffic matches the contract, 1 it departs from it, 2 usage, the file, authorization or network. */
export const TRAFFIC_EXIT = { ok: 0, drift: 1, usage: 2 } as const;

/** What the portal answers: the contract's own response schema. */
type Report = z.infer<typeof trafficReportSchema>;

/**
 * `wayfinder traffic <service> <file> [--version v]`: streams a HAR file or NDJSON log to the portal
 * (never read whole: the file goes out as it is read), which checks each exchange against the
 * service's contract and records the findings; prints the report.
 */
export async function trafficCommand(options: { service: string; file: string; version?: string; format: "text" | "json" }): Promise<number> {
  const config = parseCliEnv(process.env);
  if (!config.WAYFINDER_URL || !config.WAYFINDER_TOKEN) {
    console.error("error: set WAYFINDER_URL and WAYFINDER_TOKEN (an API token of the service's team).");
    return TRAFFIC_EXIT.usage;
  }
  let size: number;
  try {
    size = (await stat(options.file)).size;
  } catch (error) {
    console.error(`error: cannot read ${options.file}: ${(error as Error).message}`);
    return TRAFFIC_EXIT.usage;
  }
  const har = /\.har$/i.test(options.file);
  const url = new URL(`/api/v1/services/${encodeURIComponent(options.service)}/traffic`, config.WAYFINDER_URL);
  if (options.version) url.searchParams.set("version", options.version);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${config.WAYFINDER_TOKEN}`,
        "Content-Type": har ? "application/har+json" : "application/x-ndjson",
        "Content-Length": String(size),
      },
      body: Readable.toWeb(createReadStream(options.file)) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
  } catch (error) {
    console.error(`error: cannot reach ${config.WAYFINDER_URL}: ${((error as { cause?: Error }).cause ?? (error as Error)).message}`);
    return TRAFFIC_EXIT.usage;
  }
  const body = (await response.json().catch(() => ({}))) as Report & { error?: { message?: string } };
  if (!response.ok) {
    console.error(`error: ${body.error?.message ?? `HTTP ${response.status}`}`);
    return TRAFFIC_EXIT.usage;
  }
  if (options.format === "json") console.log(JSON.stringify(body, null, 2));
  else {
    console.log(
      `${options.service} ${body.version} (revision ${body.revision}): ${body.exchanges} exchanges, ${body.mismatched} departing from the contract, ${body.undocumentedOperations} to undocumented operations (${body.ms} ms)`,
    );
    for (const finding of body.findings)
      console.log(
        `  ${String(finding.count).padStart(6)}× ${finding.operation} ${finding.kind}${finding.pointer ? ` ${finding.pointer}` : ""}: ${finding.message}`,
      );
    if (body.consumers.length)
      console.log(
        `callers: ${body.consumers.map((caller) => `${caller.slug} (${caller.calls} call${caller.calls === 1 ? "" : "s"}${caller.known ? "" : ", no such service"})`).join(", ")}`,
      );
  }
  return body.mismatched ? TRAFFIC_EXIT.drift : TRAFFIC_EXIT.ok;
}
