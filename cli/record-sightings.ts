import { operationKey } from "@/lib/consumers/operation-key";
import { extractOperations } from "@/lib/openapi/extract-operations";

/** `METHOD /path` of each operation `working` has and `base` lacks (path parameters' names aside). */
export function newOperations(base: Record<string, unknown>, working: Record<string, unknown>): string[] {
  const known = new Set(extractOperations(base).map((operation) => operationKey(`${operation.method} ${operation.path}`)));
  return extractOperations(working)
    .map((operation) => `${operation.method.toUpperCase()} ${operation.path}`)
    .filter((operation) => !known.has(operationKey(operation)));
}

/**
 * Tells the portal when operations were first seen (time to a new endpoint, a DX-SLO), with the token
 * the command already has. Best effort: a refusal is said on stderr and never changes the command's
 * exit code, since the check itself passed or failed on its own terms.
 */
export async function recordSightings(
  portal: string,
  token: string | undefined,
  service: string,
  source: "check" | "new-endpoint",
  operations: string[],
): Promise<void> {
  if (!token || !operations.length) return;
  const response = await fetch(new URL(`/api/v1/services/${encodeURIComponent(service)}/endpoint-sightings`, portal), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ source, operations: operations.slice(0, 5_000) }),
  }).catch((error: Error) => error);
  if (response instanceof Error) console.error(`warning: new endpoints not recorded: ${(response.cause as Error | undefined)?.message ?? response.message}`);
  else if (!response.ok) console.error(`warning: new endpoints not recorded: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
}
