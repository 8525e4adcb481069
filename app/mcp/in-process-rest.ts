import { GET as listDocs } from "@/app/api/v1/docs/route";
import { GET as getDoc } from "@/app/api/v1/docs/[collection]/[slug]/route";
import { POST as diffDocuments } from "@/app/api/v1/diff/route";
import { GET as search } from "@/app/api/v1/search/route";
import { GET as listServiceChanges } from "@/app/api/v1/services/[slug]/changes/route";
import { GET as listServiceConsumers } from "@/app/api/v1/services/[slug]/consumers/route";
import { GET as listServiceOperations } from "@/app/api/v1/services/[slug]/operations/route";
import { GET as diffServiceVersions } from "@/app/api/v1/services/[slug]/diff/route";
import { GET as listServiceVersions } from "@/app/api/v1/services/[slug]/versions/route";
import { GET as getVersionDocument } from "@/app/api/v1/services/[slug]/versions/[version]/document/route";
import { GET as getOperationSlice } from "@/app/api/v1/services/[slug]/versions/[version]/operation/route";
import { GET as mockRequest } from "@/app/mock/[slug]/[version]/[[...path]]/route";
import { mockUrl, operationUrl, readAnswer, type OperationName, type Rest } from "@/lib/mcp/rest";
import { publicUrl } from "@/lib/platform/env";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** The REST handlers the MCP tools use, called in-process: the same binder, read rules and errors as over HTTP. */
const handlers: Partial<Record<OperationName, Handler>> = {
  search,
  getOperationSlice,
  listServiceVersions,
  listServiceChanges,
  diffServiceVersions,
  getVersionDocument,
  diffDocuments,
  listServiceConsumers,
  listServiceOperations,
  listDocs,
  getDoc,
} as Partial<Record<OperationName, Handler>>;

/** What identifies the caller to the handlers: the addresses throttling is keyed on, the request id; and for REST, the token. */
const ADDRESSES = ["x-wayfinder-peer", "x-forwarded-for", "x-request-id"];

/** REST as the MCP request's caller: their token (or none), never their cookies (an MCP client is not a browser). */
export function inProcessRest(incoming: Request): Rest {
  const origin = publicUrl().origin;
  const headers = (extra: Record<string, string>, names: string[]) => {
    const forwarded = new Headers(extra);
    for (const name of names) {
      // The caller's own, never one a tool's input names.
      forwarded.delete(name);
      const value = incoming.headers.get(name);
      if (value !== null) forwarded.set(name, value);
    }
    return forwarded;
  };
  return {
    async call(operation, params = {}, query = {}, body) {
      const handler = handlers[operation];
      if (!handler) throw new Error(`${operation} is not available to MCP tools.`);
      const request = new Request(new URL(operationUrl(operation, params, query), origin), {
        method: body === undefined ? "GET" : "POST",
        headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }, ["authorization", ...ADDRESSES]),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return readAnswer(await handler(request, { params: Promise.resolve(params) }));
    },
    async mock(input) {
      const method = input.method.toUpperCase();
      const request = new Request(new URL(mockUrl(input), origin), {
        method,
        // The mocked API's own headers (its credential, if it has one), never the caller's Wayfinder token.
        headers: headers({ ...input.headers, ...(input.body === undefined ? {} : { "Content-Type": "application/json" }) }, ADDRESSES),
        body: input.body === undefined || method === "GET" || method === "HEAD" ? undefined : JSON.stringify(input.body),
      });
      const response = await (mockRequest as Handler)(request, { params: Promise.resolve({ slug: input.service, version: input.version }) });
      return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
    },
  };
}
