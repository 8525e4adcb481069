/**
 * The fragment Swagger UI's deep linking gives an operation (`#/{tag}/{operationId}`): its first tag
 * (or `default`), and its operationId without whitespace, or `{method}{path}` with every other
 * character than letters, digits and `_` made `_` when it has none.
 */
export function swaggerDeepLink(operation: { method: string; path: string; operationId: string | null; tags: string[] }): string {
  const tag = operation.tags[0]?.trim() || "default";
  const id = operation.operationId?.replace(/\s/g, "") || `${operation.method.toLowerCase()}${operation.path.replace(/\W/g, "_")}`;
  return `#/${encodeURIComponent(tag).replace(/%20/g, "%20")}/${encodeURIComponent(id)}`;
}
