import { parse } from "yaml";
import { z } from "zod";
import { readGovernanceFile } from "./read-governance-file";

export const SLOS_PATH = "governance/slos.yaml";

const targetsSchema = z
  .object({
    timeToFirstCall: z.object({ p90Minutes: z.number().positive() }).strict(),
    docsFreshness: z.object({ p90Minutes: z.number().positive() }).strict(),
    timeToNewEndpoint: z.object({ p90Days: z.number().positive() }).strict(),
    serializationDefects: z.object({ perRelease: z.number().min(0) }).strict(),
  })
  .strict();

export type SloTargets = z.infer<typeof targetsSchema>;

/** The DX-SLO targets of governance/slos.yaml; a file that does not fit says which field is wrong. */
export function sloTargets(text = readGovernanceFile(SLOS_PATH)): SloTargets {
  const parsed = targetsSchema.safeParse(parse(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${SLOS_PATH}: ${issue?.path.join(".") || "the file"} ${issue?.message ?? "is invalid"}`);
}
