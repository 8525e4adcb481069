"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiRequest } from "@/components/forms/api-client";

/** Revokes a token through the REST API, then refreshes the page's data; failures go to `onError`. */
export function useRevokeToken(onError: (message: string) => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: (id: string) => apiRequest("DELETE", `/api/v1/tokens/${id}`),
    onSuccess: () => router.refresh(),
    onError: (failure) => onError(failure.message),
  });
}

/** How token tables show dates: the day a token expires, the minute it was last used. */
export const expiryLabel = (iso: string | null) => iso?.slice(0, 10) ?? "never";
export const lastUsedLabel = (iso: string | null) => iso?.slice(0, 16).replace("T", " ") ?? "never";
