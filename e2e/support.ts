import type { APIRequestContext } from "@playwright/test";

/** What the REST API says, to check the pages against the same data. */
export async function apiJson<T = any>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
  return (await response.json()) as T;
}
