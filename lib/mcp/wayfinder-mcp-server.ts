import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { isMethodAndPath, operationKey } from "@/lib/consumers/operation-key";
import { RestError, type Rest } from "./rest";

type ConsumerPage = {
  items: { declared: { operations: string[] } | null; observed: { operation: string }[] }[];
};

/** A tool's answer: JSON as text, cut to a size an assistant's context can hold (it says so when cut). */
const MAX_ANSWER = 60_000;
function answer(value: unknown): CallToolResult {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 1);
  return {
    content: [{ type: "text", text: text.length > MAX_ANSWER ? `${text.slice(0, MAX_ANSWER)}\n… (cut at ${MAX_ANSWER} characters of ${text.length})` : text }],
  };
}

/** A refusal or failure as the tool's error result, with the portal's own message (a 401/403/404 says what REST would). */
async function tool(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return answer(await run());
  } catch (error) {
    const text = error instanceof RestError ? `HTTP ${error.status}: ${error.message}` : `error: ${(error as Error).message}`;
    return { isError: true, content: [{ type: "text", text }] };
  }
}

const service = z.string().min(1).max(100).describe("The service's slug, as search or the catalogue names it (`payments-api`).");
const version = z.string().min(1).max(100).describe("A version label (`info.version`); the newest when left out.");

/** The newest version of a service, when the caller names none. */
async function newestVersion(rest: Rest, slug: string, named: string | undefined): Promise<string> {
  if (named) return named;
  const { items } = (await rest.call("listServiceVersions", { slug })) as { items: { version: string }[] };
  if (!items[0]) throw new Error(`${slug} has no published version yet.`);
  return items[0].version;
}

export const WAYFINDER_MCP_TOOLS = [
  "search",
  "get_operation",
  "list_versions",
  "list_changes",
  "diff_versions",
  "check_document",
  "list_consumers",
  "call_mock",
  "find_pattern",
] as const;

/**
 * Wayfinder for coding assistants, over the Model Context Protocol: read-only tools that find,
 * read, compare and try APIs, and the house patterns and ADRs as resources. Every tool goes through
 * `rest`, so it answers exactly what its caller could read over the REST API.
 */
export function createWayfinderMcpServer(rest: Rest, portal: string): McpServer {
  const server = new McpServer(
    { name: "wayfinder", title: "Wayfinder developer portal", version: "1.0.0" },
    {
      instructions:
        "Wayfinder is the company's API catalogue. Use search to find services, operations (HTTP and event) and docs; get_operation to read one operation (a slice of its contract, not the whole document); list_versions, list_changes and diff_versions for history; check_document before publishing a change; list_consumers to see who a change touches; call_mock to try an operation; find_pattern for the house way of doing something.",
    },
  );
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    "search",
    {
      title: "Search the catalogue",
      description:
        "Services, HTTP operations, event operations and messages, teams and docs matching the words (operationIds and paths typed exactly rank first; misspellings are corrected).",
      inputSchema: {
        query: z.string().min(1).max(200),
        kind: z.enum(["service", "operation", "event", "team", "doc"]).optional().describe("Only this kind of result."),
      },
      annotations: readOnly,
    },
    ({ query, kind }) => tool(() => rest.call("search", {}, { q: query, kind })),
  );

  server.registerTool(
    "get_operation",
    {
      title: "Read one operation",
      description:
        "One operation of a service's contract as a self-contained OpenAPI document (the operation and only the components it uses). Without method and path, the document's overview (servers, security, and every operation's method, path and summary).",
      inputSchema: {
        service,
        version: version.optional(),
        method: z.string().min(3).max(7).optional().describe("get, post, …; with path."),
        path: z.string().startsWith("/").max(2000).optional().describe("The path as the contract writes it (`/payments/{paymentId}`); with method."),
      },
      annotations: readOnly,
    },
    ({ service: slug, version: named, method, path }) =>
      tool(async () => rest.call("getOperationSlice", { slug, version: await newestVersion(rest, slug, named) }, { method: method?.toLowerCase(), path })),
  );

  server.registerTool(
    "list_versions",
    { title: "List versions", description: "A service's published API versions, newest first.", inputSchema: { service }, annotations: readOnly },
    ({ service: slug }) => tool(() => rest.call("listServiceVersions", { slug })),
  );

  server.registerTool(
    "list_changes",
    {
      title: "A service's changelog",
      description: "Every version and revision, newest first, with its classified changes (breaking, potentially breaking, non-breaking).",
      inputSchema: { service, level: z.enum(["breaking", "warning", "info"]).optional().describe("Only changes at this level or above.") },
      annotations: readOnly,
    },
    ({ service: slug, level }) => tool(() => rest.call("listServiceChanges", { slug }, { level })),
  );

  server.registerTool(
    "diff_versions",
    {
      title: "Compare two versions",
      description: "What changed between two stored versions of a service, each breaking change with the consumers it touches.",
      inputSchema: { service, from: z.string().min(1).max(100).describe("The older version."), to: z.string().min(1).max(100).describe("The newer version.") },
      annotations: readOnly,
    },
    ({ service: slug, from, to }) => tool(() => rest.call("diffServiceVersions", { slug }, { from, to })),
  );

  server.registerTool(
    "check_document",
    {
      title: "Check a change before publishing",
      description:
        "Compares a local OpenAPI document (JSON or YAML text) with the newest stored version of the service: breaking changes, with the consumers each touches. Needs an API token (as POST /api/v1/diff does); stores nothing.",
      inputSchema: { service, document: z.string().min(1).max(10_000_000).describe("The working copy's OpenAPI document, as text.") },
      annotations: readOnly,
    },
    ({ service: slug, document }) =>
      tool(async () => {
        const newest = await newestVersion(rest, slug, undefined);
        const stored = await rest.call("getVersionDocument", { slug, version: newest });
        return rest.call("diffDocuments", {}, {}, { base: JSON.stringify(stored), revision: document, service: slug });
      }),
  );

  server.registerTool(
    "list_consumers",
    {
      title: "Who consumes a service, or one operation",
      description:
        "The services that declare (or were seen) using this service's API, with the versions and operations they use. With `operation`, only those that may use it: declared for the whole API, or naming it, or seen calling it.",
      inputSchema: {
        service,
        operation: z.string().min(1).max(2000).optional().describe("An operationId (`getPayment`) or `METHOD /path` (`GET /payments/{paymentId}`)."),
      },
      annotations: readOnly,
    },
    ({ service: slug, operation }) =>
      tool(async () => {
        const page = (await rest.call("listServiceConsumers", { slug }, { pageSize: "500" })) as ConsumerPage;
        if (!operation) return page;
        // Declarations name operations by operationId or `METHOD /path`: the current version's index gives both names of the one asked for.
        const { items: index } = (await rest.call("listServiceOperations", { slug })) as {
          items: { method: string; path: string; operationId: string | null }[];
        };
        const key = (name: string) => (isMethodAndPath(name) ? operationKey(name) : name);
        const asked = new Set([key(operation)]);
        for (const entry of index)
          if (entry.operationId === operation || operationKey(`${entry.method} ${entry.path}`) === key(operation)) {
            asked.add(operationKey(`${entry.method} ${entry.path}`));
            if (entry.operationId) asked.add(entry.operationId);
          }
        const names = (entry: string) => asked.has(key(entry));
        const items = page.items.filter(
          (item) =>
            (item.declared !== null && (item.declared.operations.length === 0 || item.declared.operations.some(names))) ||
            item.observed.some((seen) => names(seen.operation)),
        );
        return { ...page, items, operation };
      }),
  );

  server.registerTool(
    "call_mock",
    {
      title: "Try an operation on the mock",
      description: "Sends one request to the portal's mock of a service's version (answers from the contract's examples and schemas; nothing real is called).",
      inputSchema: {
        service,
        version: version.optional(),
        method: z.string().min(3).max(7),
        path: z.string().startsWith("/").max(2000).describe("A concrete path (`/payments/pay_123`), without the server's base path."),
        query: z.record(z.string(), z.string()).optional(),
        headers: z
          .record(z.string(), z.string())
          .optional()
          .describe(
            "Headers for the mocked API, e.g. its credential (`Authorization: Bearer anything`: the mock accepts any value). Never your Wayfinder token.",
          ),
        body: z.unknown().optional().describe("A JSON body."),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ service: slug, version: named, method, path, query, headers, body }) =>
      tool(async () => {
        const mocked = await rest.mock({ service: slug, version: await newestVersion(rest, slug, named), method, path, query, headers, body });
        let parsed: unknown = mocked.body;
        try {
          parsed = JSON.parse(mocked.body);
        } catch {
          // Not JSON: the text as it came.
        }
        return { status: mocked.status, contentType: mocked.contentType, body: parsed };
      }),
  );

  server.registerTool(
    "find_pattern",
    {
      title: "The house pattern for a topic",
      description: "The patterns, ADRs and guides about a topic (pagination, errors, idempotency…), best first, with the text of the best match.",
      inputSchema: { topic: z.string().min(1).max(200) },
      annotations: readOnly,
    },
    ({ topic }) =>
      tool(async () => {
        const results = (await rest.call("search", {}, { q: topic, kind: "doc" })) as { docs?: { url: string }[] };
        // A doc's address names its collection and slug (`/docs/patterns/pagination`, `/docs/onboarding#first-day`).
        const best = /^\/docs\/([^/#]+)[/#]([^/#?]+)$/.exec(results.docs?.[0]?.url ?? "");
        const doc = best ? await rest.call("getDoc", { collection: best[1]!, slug: decodeURIComponent(best[2]!) }) : null;
        return { matches: results.docs ?? [], best: doc };
      }),
  );

  server.registerResource(
    "doc",
    new ResourceTemplate("wayfinder://docs/{collection}/{slug}", {
      list: async () => {
        const { items } = (await rest.call("listDocs")) as { items: { collection: string; slug: string; title: string; summary: string | null }[] };
        return {
          resources: items.map((entry) => ({
            uri: `wayfinder://docs/${entry.collection}/${entry.slug}`,
            name: entry.title,
            description: entry.summary ?? undefined,
            mimeType: "text/markdown",
          })),
        };
      },
    }),
    { title: "Patterns, ADRs, onboarding and guides", description: `The portal's docs (${portal}/docs) as Markdown.`, mimeType: "text/markdown" },
    async (uri, { collection, slug }) => {
      const doc = (await rest.call("getDoc", { collection: String(collection), slug: String(slug) })) as { markdown: string };
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: doc.markdown }] };
    },
  );

  return server;
}
