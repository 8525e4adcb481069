/** Small valid documents for tests, built at run time. */
export function openApi30(version: string, paths: string[] = ["/things"], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Test API", version },
    paths: Object.fromEntries(
      paths.map((path) => [path, { get: { operationId: `get${path.replace(/\W/g, "_")}`, responses: { "200": { description: "ok" } } } }]),
    ),
    ...extra,
  });
}
