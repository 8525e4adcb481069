import { QueryClient } from "@tanstack/react-query";

/** react-query defaults: data stays fresh for a minute, so navigating back does not refetch at once. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } } });
}
