import { z } from "zod";
import { FINDING_KINDS } from "./finding-kinds";

// Apart from record-verify-run.ts so that the REST contract, which every start builds, does not load
// the recorder and through it the mock's engine.
const MAX_FINDINGS = 1_000;

/** What `wayfinder verify` sends when it has a token: the version it checked, how many calls, and its findings. */
export const verifyRunSchema = z
  .object({
    version: z.string().min(1).max(200).meta({ description: "The version (`info.version`) the run checked; its newest revision records it." }),
    exchanges: z.number().int().min(0).max(10_000_000),
    mismatched: z.number().int().min(0).max(10_000_000),
    findings: z
      .array(
        z.object({
          operation: z.string().min(1).max(500),
          kind: z.enum(FINDING_KINDS),
          pointer: z.string().max(500),
          rule: z.string().min(1).max(100),
          message: z.string().min(1).max(500),
          count: z.number().int().min(1).default(1),
        }),
      )
      .max(MAX_FINDINGS),
    passed: z
      .array(z.string().min(1).max(500))
      .max(10_000)
      .default([])
      .meta({ description: "The operations (`METHOD /path/template`) it called with every response as documented; time to a new endpoint ends at the first." }),
  })
  .strict();

export type VerifyRun = z.input<typeof verifyRunSchema>;
