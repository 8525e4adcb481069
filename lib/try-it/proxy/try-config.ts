/** What the docs need to make Try it out work for one stored version (worked out on the server). */
export interface TryConfig {
  slug: string;
  version: string;
  /** `/mock/{slug}/{version}`, relative to the portal. */
  mockPath: string;
  /** `/api/try/{slug}/{version}`: the server-side proxy. */
  proxyPath: string;
  /** Whether the document's own servers cannot be reached from Wayfinder: the mock is then the default. */
  preferMock: boolean;
  /** Each declared server and whether the proxy can reach it (and why not). */
  servers: { url: string; reachable: boolean; why?: string }[];
}

/** The session-storage key credentials for one API are kept under (cleared on sign-out). */
export const AUTH_STORAGE_PREFIX = "wayfinder.try-auth:";
export const authStorageKey = (slug: string) => `${AUTH_STORAGE_PREFIX}${slug}`;

/** Forgets every API's credentials held in this tab (on sign-out). */
export function clearTryCredentials(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(AUTH_STORAGE_PREFIX)) sessionStorage.removeItem(key);
}
