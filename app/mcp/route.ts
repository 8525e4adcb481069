import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { callerKey } from "@/lib/auth/caller-key";
import { assertMayRead } from "@/lib/auth/read-rule";
import { requestActor } from "@/lib/auth/request-actor";
import { MCP_REQUESTS } from "@/lib/mcp/mcp-limits";
import { createWayfinderMcpServer } from "@/lib/mcp/wayfinder-mcp-server";
import { getDb } from "@/lib/platform/db/database";
import { env, publicUrl } from "@/lib/platform/env";
import { clientAddress } from "@/lib/platform/http/client-address";
import { errorResponse } from "@/lib/platform/http/error-response";
import { instrumented } from "@/lib/platform/http/instrumented";
import { countAttempt } from "@/lib/platform/security/rate-limit";
import { inProcessRest } from "./in-process-rest";

/**
 * Wayfinder's MCP server over Streamable HTTP, stateless (a server per request, JSON answers): the
 * caller is resolved as for REST (an API token, or anonymous where the portal lets anyone read), every
 * request counts against the caller's budget, and each tool calls the REST handlers as that caller.
 */
async function handle(request: Request): Promise<Response> {
  try {
    const actor = await requestActor(request);
    assertMayRead(actor);
    await countAttempt(await getDb(), MCP_REQUESTS, callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)));
  } catch (error) {
    return errorResponse(error, request);
  }
  const server = createWayfinderMcpServer(inProcessRest(request), publicUrl().origin);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}

const handler = instrumented("/mcp", handle);
export const GET = handler;
export const POST = handler;
export const DELETE = handler;
