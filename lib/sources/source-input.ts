import { z } from "zod";
import { fetchableUrl } from "@/lib/platform/http/http-url";

/** A URL source for a service (`PUT /api/v1/services/{slug}/source`). */
export const sourceInputSchema = z.object({
  url: fetchableUrl,
  pollIntervalMinutes: z.int("must be a whole number of minutes").min(1, "must be 1 to 1440 minutes").max(1440, "must be 1 to 1440 minutes").default(15),
});

export type SourceInput = z.input<typeof sourceInputSchema>;
