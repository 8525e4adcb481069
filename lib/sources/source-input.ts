import { z } from "zod";

/** A URL source for a service (`PUT /api/v1/services/{slug}/source`). */
export const sourceInputSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000),
  pollIntervalMinutes: z.coerce.number().int().min(1, "must be 1 to 1440 minutes").max(1440, "must be 1 to 1440 minutes").default(15),
});

export type SourceInput = z.input<typeof sourceInputSchema>;
