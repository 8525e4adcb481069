import { AppError } from "@/lib/platform/errors";
import { limitVariables, type IngestLimits } from "./ingest-limits";

/** A document exceeded one of the ingestion limits; the message names the limit and how to change it. */
export function limitExceeded(limit: keyof IngestLimits, value: number, what: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `${what} exceeds the limit of ${value.toLocaleString("en")} (${limitVariables[limit]}).`, {
    limit: limitVariables[limit],
    value,
  });
}
