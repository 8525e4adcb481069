import { parseCliEnv } from "@/lib/platform/env";

/**
 * `wayfinder mcp`: Wayfinder's MCP server on stdin/stdout for a local assistant, reaching the portal at
 * WAYFINDER_URL over its REST API as WAYFINDER_TOKEN's holder (or anonymously). Runs until stdin closes.
 */
export async function mcpCommand(): Promise<number> {
  const config = parseCliEnv(process.env);
  if (!config.WAYFINDER_URL) {
    console.error("error: set WAYFINDER_URL (e.g. https://wayfinder.example.com), and WAYFINDER_TOKEN for a portal that needs sign-in or for check_document.");
    return 2;
  }
  const [{ StdioServerTransport }, { createWayfinderMcpServer }, { httpRest }] = await Promise.all([
    import("@modelcontextprotocol/sdk/server/stdio.js"),
    import("@/lib/mcp/wayfinder-mcp-server"),
    import("@/lib/mcp/rest"),
  ]);
  const server = createWayfinderMcpServer(httpRest(config.WAYFINDER_URL, config.WAYFINDER_TOKEN), config.WAYFINDER_URL.replace(/\/$/, ""));
  const closed = new Promise<number>((resolve) => process.stdin.once("close", () => resolve(0)));
  await server.connect(new StdioServerTransport());
  return closed;
}
