import { z } from "zod";

/** `event`: channels, operations and messages of event APIs (AsyncAPI). */
export const searchKinds = ["service", "operation", "event", "team", "doc"] as const;
export type SearchKind = (typeof searchKinds)[number];

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug");

/** `GET /api/v1/search` and the /search page: the words, which kinds of result, and the filters. */
export const searchInputSchema = z.object({
  q: z.preprocess(one, z.string().trim().min(1, "is required").max(200, "must be at most 200 characters")).meta({
    description:
      "Words to find: an operationId (`createPayment`), a path or part of one (`/refunds/{id}`), words of a summary or description. Misspellings are corrected.",
  }),
  kind: z
    .preprocess(
      (value) => (value === undefined || value === "" ? undefined : (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(","))),
      z.array(z.enum(searchKinds)).optional(),
    )
    .meta({ description: "Only these kinds of result (repeat or comma-separate). All by default, operations alone when `method` or `deprecated` is given." }),
  team: z.preprocess(one, slug.optional()).meta({ description: "Only services (and their operations) this team owns." }),
  service: z.preprocess(one, slug.optional()).meta({ description: "Only this service's operations (HTTP and event)." }),
  method: z.preprocess(
    (value) => (typeof one(value) === "string" ? (one(value) as string).toLowerCase() : one(value)),
    z.enum(["get", "put", "post", "delete", "options", "head", "patch", "trace"]).optional(),
  ),
  deprecated: z
    .preprocess(
      one,
      z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional(),
    )
    .meta({ description: "Only deprecated (`true`) or current (`false`) operations." }),
  limit: z.preprocess(one, z.coerce.number().int().min(1).max(100).default(20)).meta({ description: "At most this many results of each kind." }),
});

export type SearchInput = z.infer<typeof searchInputSchema>;

/** The kinds a search returns: those asked for, else operations alone for operation filters, else all. */
export function kindsOf(input: SearchInput): SearchKind[] {
  if (input.kind?.length) return [...new Set(input.kind)];
  if (input.method || input.deprecated !== undefined) return ["operation"];
  if (input.service) return ["operation", "event"];
  return [...searchKinds];
}
