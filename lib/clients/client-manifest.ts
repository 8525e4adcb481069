import { extractOperations } from "@/lib/openapi/extract-operations";

/** The languages Wayfinder generates clients in. */
export const clientLanguages = ["typescript", "python"] as const;
export type ClientLanguage = (typeof clientLanguages)[number];

/** Which stored version a client is generated from. */
export interface ClientSource {
  /** The portal's base URL, so that the client can say where it came from and `wayfinder consumes --from-client` where to declare. */
  portal: string;
  service: string;
  version: string;
  revision: number;
  contentHash: string;
}

/**
 * `wayfinder-client.json`, written beside every generated client: where it came from and the operations
 * it was generated for, which `wayfinder consumes --from-client` declares as the consumer's use.
 */
export interface ClientManifest {
  generator: string;
  language: ClientLanguage;
  source: ClientSource;
  operations: { method: string; path: string; operationId: string | null }[];
}

export const MANIFEST_FILE = "wayfinder-client.json";

export function clientManifest(document: Record<string, unknown>, source: ClientSource, language: ClientLanguage, generator: string): ClientManifest {
  return {
    generator,
    language,
    source,
    operations: extractOperations(document).map(({ method, path, operationId }) => ({ method: method.toUpperCase(), path, operationId })),
  };
}
