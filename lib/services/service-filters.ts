import { z } from "zod";
import { Lifecycle } from "@/generated/prisma/enums";
import { searchParamsRecord } from "@/lib/platform/http/search-params";

export const lifecycles = Object.values(Lifecycle);

/** Accepts a repeated query parameter (`?a=1&a=2`) or a comma-separated one (`?a=1,2`). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === "") return undefined;
    const values = Array.isArray(value) ? value : [value];
    return values
      .flatMap((entry) => String(entry).split(","))
      .map((entry) => entry.trim())
      .filter(Boolean);
  }, z.array(item).optional());

const flag = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value) || undefined,
  z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
);

const text = z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.string().trim().max(200).optional());

/**
 * The catalogue's filters, shared by the page (its URL) and `GET /api/v1/services` (its query), so a
 * filtered view is one URL whichever way it is reached.
 */
export const serviceFiltersSchema = z.object({
  q: text,
  team: text.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+$/, "must be a team slug")
      .optional(),
  ),
  lifecycle: list(z.enum(Lifecycle)),
  tag: text,
  /** Only services owned by the caller's teams. */
  mine: flag,
  /** Include retired (archived) services, which the default view hides. */
  includeRetired: flag,
  /** Only retired services: the same as naming the lifecycle (`lifecycle=retired`), so the two addresses agree. */
  retired: flag,
  /** Only services with an HTTP contract (`http`) or an event API (`event`). */
  kind: z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.enum(["http", "event"]).optional()),
  /** Only services at this scorecard level (a level's name, or `none`). */
  level: text,
  /** `name` (the default) or `level`, highest first, then by name. */
  sort: z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.enum(["name", "level"]).optional()),
  /** Only services that (or a deprecated operation of which) reach their sunset within this many days. */
  sunsetWithin: z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.coerce.number().int().min(0).max(3650).optional()),
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.coerce.number().int().min(1).default(1)),
  pageSize: z.preprocess((value) => (Array.isArray(value) ? value[0] : value) || undefined, z.coerce.number().int().min(1).max(100).default(50)),
});

export type ServiceFilters = z.infer<typeof serviceFiltersSchema>;

/** The lifecycles asked for, by name or by `retired=true`; undefined when any will do. */
export function requestedLifecycles(filters: Pick<ServiceFilters, "lifecycle" | "retired">): Lifecycle[] | undefined {
  if (!filters.retired) return filters.lifecycle;
  return [...new Set([...(filters.lifecycle ?? []), Lifecycle.retired])];
}

/** Reads filters from URL search parameters (a URLSearchParams or Next.js `searchParams`). */
export function serviceFiltersFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): z.ZodSafeParseResult<ServiceFilters> {
  if (params instanceof URLSearchParams) return serviceFiltersSchema.safeParse(searchParamsRecord(params));
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) record[key] = value;
  return serviceFiltersSchema.safeParse(record);
}

/** The query string for filters, leaving out defaults, so shared links stay short and stable. */
export function serviceFiltersToSearch(filters: Partial<ServiceFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.team) params.set("team", filters.team);
  for (const lifecycle of filters.lifecycle ?? []) params.append("lifecycle", lifecycle);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.level) params.set("level", filters.level);
  if (filters.sort && filters.sort !== "name") params.set("sort", filters.sort);
  if (filters.sunsetWithin !== undefined) params.set("sunsetWithin", String(filters.sunsetWithin));
  if (filters.mine) params.set("mine", "true");
  if (filters.includeRetired) params.set("includeRetired", "true");
  if (filters.retired) params.set("retired", "true");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  if (filters.pageSize && filters.pageSize !== 50) params.set("pageSize", String(filters.pageSize));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** What each filter accepts, in words, for people who typed or edited an address by hand. */
const accepted: Record<string, string> = {
  lifecycle: `is not one of ${lifecycles.join(", ")}`,
  team: "is not a team's slug (lower-case letters, digits and hyphens)",
  tag: "is too long",
  q: "is too long (200 characters at most)",
  mine: "must be true or false",
  includeRetired: "must be true or false",
  kind: "is not one of http, event",
  level: "is too long",
  sort: "is not one of name, level",
  retired: "must be true or false",
  sunsetWithin: "must be a whole number of days from 0 to 3650",
  page: "must be a whole number from 1",
  pageSize: "must be a whole number from 1 to 100",
};

/**
 * The filters of an address that could not be read, each once, with the value given and what is
 * accepted: `lifecycle "bogus" is not one of experimental, …; page "abc" must be a whole number from 1`.
 */
export function describeFilterProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  given: Record<string, string | string[] | undefined>,
): string[] {
  const fields = [...new Set(issues.map((issue) => String(issue.path[0] ?? "")))].filter(Boolean);
  return fields.map((field) => {
    const value = given[field];
    const shown = Array.isArray(value) ? value.join(",") : value;
    const what = accepted[field] ?? issues.find((issue) => String(issue.path[0]) === field)!.message;
    return `${field}${shown !== undefined ? ` "${shown.slice(0, 60)}"` : ""} ${what}`;
  });
}
