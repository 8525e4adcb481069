import { searchInputSchema } from "@/lib/search-index/search-input";
import * as r from "../response-schemas";
import { json, error, type Operation } from "../operation-parts";

/** Search across services, operations, teams and docs. */
export const searchOperations = {
  search: {
    method: "get",
    path: "/search",
    tags: ["Search"],
    summary: "Search services, operations, teams and docs",
    description:
      "Grouped, ranked results: an operationId or path typed exactly first, each word matched as a prefix, misspellings corrected (`corrections` says how). Operations are those of each service's current version; retired services are left out.",
    access: "read",
    query: searchInputSchema,
    responses: { 200: json("Results by kind, each ranked.", r.searchResultsSchema), 400: error("`q` is missing or a filter is malformed.") },
  },
} as const satisfies Record<string, Operation>;
