import { JSONParser } from "@streamparser/json";
import { AppError } from "@/lib/platform/errors";

/** One exchange of a traffic log, as read: what checkExchange needs, the URL it was sent to, and when. */
export interface LoggedExchange {
  method: string;
  url: URL;
  status: number;
  headers: Record<string, string>;
  body?: string;
  at: Date;
  /** The calling service's slug, where the log names it (NDJSON `consumer`, or an `X-Wayfinder-Consumer` request header). */
  consumer?: string;
}

export type TrafficFormat = "har" | "ndjson";

/** An exchange (or the JSON around it) larger than this is refused, so one line cannot take the memory a whole log may not. */
export const MAX_EXCHANGE_BYTES = 16 * 1024 * 1024;

const BASE = "http://traffic.invalid";

function bad(where: string, why: string): AppError {
  return new AppError("VALIDATION_FAILED", `Traffic ${where}: ${why}`);
}

function headerRecord(headers: unknown): Record<string, string> {
  if (Array.isArray(headers))
    return Object.fromEntries(
      headers.filter((h): h is { name: string; value: unknown } => typeof h?.name === "string").map((h) => [h.name.toLowerCase(), String(h.value ?? "")]),
    );
  if (headers && typeof headers === "object")
    return Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([name, value]) => [name.toLowerCase(), String(value ?? "")]));
  return {};
}

function toUrl(raw: unknown, where: string): URL {
  if (typeof raw !== "string" || !raw) throw bad(where, "has no url");
  try {
    return new URL(raw, BASE);
  } catch {
    throw bad(where, `"${raw.slice(0, 200)}" is not a URL or a path`);
  }
}

function toDate(raw: unknown): Date {
  const date = typeof raw === "string" || typeof raw === "number" ? new Date(raw) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

/** A consumer's slug as the log gives it; anything that cannot be one is left out rather than refused. */
function consumerOf(value: unknown): string | undefined {
  return typeof value === "string" && /^[a-z0-9][a-z0-9-]{0,62}$/.test(value) ? value : undefined;
}

/** A HAR entry (`log.entries[]`): request.method/url, response.status/headers/content.text (base64 decoded). */
function fromHar(entry: Record<string, unknown>, where: string): LoggedExchange {
  const request = (entry.request ?? {}) as Record<string, unknown>;
  const response = (entry.response ?? {}) as Record<string, unknown>;
  const content = (response.content ?? {}) as { text?: unknown; encoding?: unknown; mimeType?: unknown };
  const headers = headerRecord(response.headers);
  if (typeof content.mimeType === "string" && content.mimeType && !headers["content-type"]) headers["content-type"] = content.mimeType;
  const text =
    typeof content.text === "string" ? (content.encoding === "base64" ? Buffer.from(content.text, "base64").toString("utf8") : content.text) : undefined;
  return {
    method: String(request.method ?? "").toUpperCase(),
    url: toUrl(request.url, where),
    status: Number(response.status),
    headers,
    body: text,
    at: toDate(entry.startedDateTime),
    consumer: consumerOf(headerRecord(request.headers)["x-wayfinder-consumer"]),
  };
}

/** An NDJSON line: `{ "method", "url", "status", "headers"?, "body"?, "time"? }` (a body that is not a string is JSON it held). */
function fromLine(line: Record<string, unknown>, where: string): LoggedExchange {
  const body = line.body === undefined || line.body === null ? undefined : typeof line.body === "string" ? line.body : JSON.stringify(line.body);
  return {
    method: String(line.method ?? "").toUpperCase(),
    url: toUrl(line.url ?? line.path, where),
    status: Number(line.status),
    headers: headerRecord(line.headers),
    body,
    at: toDate(line.time ?? line.timestamp),
    consumer: consumerOf(line.consumer ?? headerRecord(line.requestHeaders)["x-wayfinder-consumer"]),
  };
}

function checked(exchange: LoggedExchange, where: string): LoggedExchange {
  if (!/^[A-Z]+$/.test(exchange.method)) throw bad(where, "has no HTTP method");
  if (!Number.isInteger(exchange.status) || exchange.status < 100 || exchange.status > 599) throw bad(where, "has no HTTP status (100–599)");
  return exchange;
}

/**
 * Reads a traffic log as it streams in, one exchange at a time: a HAR file (`log.entries`) or NDJSON
 * (one exchange per line). Memory is bounded by the largest exchange (MAX_EXCHANGE_BYTES), not by the
 * log: a 1 GB log is read in the memory of one entry. A malformed entry is refused naming which.
 */
export async function* readTraffic(stream: ReadableStream<Uint8Array>, format: TrafficFormat, maxBytes: number): AsyncGenerator<LoggedExchange> {
  const parser = new JSONParser(format === "har" ? { paths: ["$.log.entries.*"], keepStack: false } : { paths: ["$"], separator: "" });
  const ready: LoggedExchange[] = [];
  let count = 0;
  let total = 0;
  let sinceValue = 0;
  parser.onValue = ({ value }) => {
    count += 1;
    sinceValue = 0;
    const where = format === "har" ? `entry ${count}` : `line ${count}`;
    if (!value || typeof value !== "object" || Array.isArray(value)) throw bad(where, "is not an object");
    const record = value as Record<string, unknown>;
    ready.push(checked(format === "har" ? fromHar(record, where) : fromLine(record, where), where));
  };
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      sinceValue += value.byteLength;
      if (total > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The traffic log exceeds ${maxBytes} bytes (WAYFINDER_MAX_TRAFFIC_BYTES).`);
      try {
        parser.write(value);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw bad(`after exchange ${count}`, `is not ${format === "har" ? "a HAR file" : "NDJSON"} (${(error as Error).message.slice(0, 200)})`);
      }
      if (sinceValue > MAX_EXCHANGE_BYTES) throw bad(`after exchange ${count}`, `one exchange is over ${MAX_EXCHANGE_BYTES} bytes`);
      yield* ready.splice(0);
    }
    if (!parser.isEnded)
      try {
        parser.end();
      } catch (error) {
        throw bad(`after exchange ${count}`, `is cut short (${(error as Error).message.slice(0, 200)})`);
      }
  } finally {
    await reader.cancel().catch(() => {});
  }
  yield* ready.splice(0);
}
