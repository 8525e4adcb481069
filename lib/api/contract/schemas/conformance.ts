import { z } from "zod";
import { FINDING_KINDS } from "@/lib/conformance/finding-kinds";

const source = z.enum(["try", "verify", "traffic"]);
const kind = z.enum(FINDING_KINDS);

const findingSchema = z
  .object({
    operation: z.string().meta({ description: "`METHOD /path/template`; for an undocumented operation, as it was called." }),
    kind,
    pointer: z.string().meta({ description: "A JSON pointer into the body, `/header/<name>` or `/query/<name>`; empty for the exchange as a whole." }),
    rule: z.string().meta({ description: "The schema keyword or check that failed: `type`, `required`, `status`, `json`…" }),
    message: z.string(),
    count: z.int(),
    firstSeenAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
  })
  .meta({ id: "ConformanceFinding", description: "One way responses depart from the contract, counted. Never a body or a value." });

export const conformanceSchema = z
  .object({
    version: z.string(),
    revision: z.int(),
    sources: z.array(
      z.object({
        source,
        exchanges: z.int(),
        mismatched: z.int().meta({ description: "Exchanges with at least one finding." }),
        lastCheckedAt: z.iso.datetime().nullable(),
      }),
    ),
    runs: z
      .array(z.object({ id: z.string(), source, exchanges: z.int(), mismatched: z.int(), createdBy: z.string().nullable(), createdAt: z.iso.datetime() }))
      .meta({ description: "The latest verify runs and traffic imports, newest first (at most 20)." }),
    findingCount: z.int(),
    findings: z.array(findingSchema.extend({ source })).meta({ description: "Most recently seen first, at most 200." }),
  })
  .meta({ id: "Conformance", description: "How a version of a service holds up against its contract: Try it out's calls, verify runs and imported traffic." });

export const trafficReportSchema = z
  .object({
    runId: z.string(),
    version: z.string(),
    revision: z.int(),
    exchanges: z.int(),
    mismatched: z.int(),
    undocumentedOperations: z.int().meta({ description: "Exchanges that matched no operation of the version." }),
    firstSeenAt: z.iso.datetime().nullable(),
    lastSeenAt: z.iso.datetime().nullable(),
    findingsNotKept: z.int().meta({ description: "Occurrences past the 1,000 distinct findings a run keeps: counted, not kept." }),
    consumers: z
      .array(
        z.object({
          slug: z.string(),
          calls: z.int().meta({ description: "Its exchanges with a documented operation." }),
          known: z.boolean().meta({ description: "Whether a service has this slug: only then is its use recorded as observed evidence." }),
        }),
      )
      .meta({
        description:
          "The callers the log names (NDJSON `consumer`, or an `X-Wayfinder-Consumer` request header), most calls first, at most 100; each known one's calls become observed use of the operations (`GET …/consumers`).",
      }),
    findings: z.array(findingSchema).meta({ description: "Most frequent first, at most 200." }),
    ms: z.int(),
  })
  .meta({ id: "TrafficReport", description: "What a traffic log showed against the version's contract." });

export const verifyRecordedSchema = z
  .object({ runId: z.string(), version: z.string(), revision: z.int(), recordedAt: z.iso.datetime() })
  .meta({ id: "VerifyRecorded" });
