import type { z } from "zod";
import type { Access, Operation } from "@/lib/api/contract/operations";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { AppError, issueDetails } from "@/lib/platform/errors";
import { handleApiRequest } from "@/lib/api/api-route";
import { readBodyCapped } from "@/lib/platform/http/read-body";
import { searchParamsRecord } from "@/lib/platform/http/search-params";
import { logger } from "@/lib/platform/logger";

/** Who may call, as the handler sees them: `change` never reaches it anonymous, `session` only as a person. */
type ActorFor<A extends Access> = A extends "session" ? UserActor : A extends "change" ? Exclude<Actor, { kind: "anonymous" }> : Actor;
type Parsed<O, K extends "params" | "query"> = O extends Record<K, infer S extends z.ZodType> ? z.output<S> : Record<string, never>;
type BodyOf<O> = O extends { body: infer S extends z.ZodType } ? z.output<S> : never;
/** The JSON a 2xx response of the operation declares (its zod input: what the handler may hand over). */
type SuccessBody<O extends Operation> = {
  [S in keyof O["responses"]]: S extends 200 | 201 | 202 ? (O["responses"][S] extends { schema: infer T extends z.ZodType } ? z.input<T> : never) : never;
}[keyof O["responses"]];
type SuccessStatus<O extends Operation> = Extract<keyof O["responses"], 200 | 201 | 202>;

export interface RouteInput<O extends Operation> {
  request: Request;
  actor: ActorFor<O["access"]>;
  /** Path parameters, parsed with the operation's schema (a value it refuses is a 404). */
  params: Parsed<O, "params">;
  /** The query, parsed with the operation's schema (a value it refuses is a 400 naming the parameter). */
  query: Parsed<O, "query">;
  /**
   * Reads the JSON body (streamed, capped) and validates it with the operation's schema. On demand, so a
   * handler checks permission first and a refused caller learns nothing of the input rules.
   */
  body: (maxBytes?: number) => Promise<BodyOf<O>>;
  /** The raw body (streamed, capped), for the media types of `otherBodies` that have pipelines of their own. */
  bytes: (maxBytes: number) => Promise<Uint8Array>;
  /** A JSON answer typed against the operation's declared 2xx schema. */
  reply: (body: SuccessBody<O>, init?: { status?: SuccessStatus<O>; headers?: HeadersInit }) => Response;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

const MAX_JSON_BYTES = 1_000_000;
/** Statuses any operation may answer without listing them: a bad token or sign-in required, throttling, our own failures. */
const CROSS_CUTTING = new Set([401, 429, 500, 503]);

/** Parses a request's query with a schema; a refused value is a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  const parsed = schema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "VALIDATION_FAILED",
    `Invalid query parameter ${issue?.path.join(".") || "?"}: ${issue?.message ?? "malformed"}`,
    issueDetails(parsed.error.issues),
  );
}

function parseParams(operation: Operation, raw: Record<string, string | string[]>): unknown {
  if (!operation.params) return {};
  const parsed = operation.params.safeParse(raw);
  if (parsed.success) return parsed.data;
  const name = String(parsed.error.issues[0]?.path[0] ?? "");
  // A path that cannot name anything is simply not found, as the domain would say for an unknown one.
  throw new AppError(
    "NOT_FOUND",
    `Nothing is at ${operation.path} with ${name} "${String(raw[name] ?? "")}": ${parsed.error.issues[0]?.message ?? "malformed"}.`,
  );
}

async function readJsonBody(request: Request, schema: z.ZodType, maxBytes: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = new TextDecoder().decode(await readBodyCapped(request, maxBytes));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The body is not valid JSON: ${(error as Error).message}`);
  }
  return schema.parse(json);
}

/** `read` follows the portal's read rule (checked for every request); `change` needs someone; `session` a person. */
function assertAccess(access: Access, actor: Actor, summary: string): void {
  if (access === "read") return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", `Sign in (or send an API token) to ${summary.toLowerCase()}.`);
  if (access === "session" && actor.kind !== "user")
    throw new AppError("FORBIDDEN", `Only a person signed in to the portal may ${summary.toLowerCase()}; API tokens may not.`);
}

/**
 * Binds a route handler to its operation in the contract (lib/api/contract/operations.ts): the binder
 * enforces `access`, parses path parameters and query with the operation's schemas, reads the body
 * with the operation's schema under one streaming cap, and logs `contract.undeclared_status` when the
 * handler answers a status the operation does not declare (the REST and matrix tests fail on it).
 */
export function defineRoute<O extends Operation>(operation: O, handler: (input: RouteInput<O>) => Promise<Response>) {
  const route = handleApiRequest<NextContext>(
    async (request, context, actor) => {
      assertAccess(operation.access, actor, operation.summary);
      const params = parseParams(operation, await context.params);
      const query = operation.query ? parseQuery(operation.query, request) : {};
      let bodyRead = false;
      const once = () => {
        if (bodyRead) throw new Error(`The body of ${operation.method.toUpperCase()} ${operation.path} was read twice.`);
        bodyRead = true;
      };
      const input = {
        request,
        actor,
        params,
        query,
        body: async (maxBytes = MAX_JSON_BYTES) => {
          once();
          if (!operation.body) throw new Error(`${operation.method.toUpperCase()} ${operation.path} declares no JSON body.`);
          return readJsonBody(request, operation.body, maxBytes);
        },
        bytes: async (maxBytes: number) => {
          once();
          return readBodyCapped(request, maxBytes);
        },
        reply: (body: unknown, init?: { status?: number; headers?: HeadersInit }) =>
          Response.json(body, { status: init?.status ?? 200, headers: init?.headers }),
      } as RouteInput<O>;
      return handler(input);
    },
    (status, request) => {
      if (!(status in operation.responses) && !CROSS_CUTTING.has(status)) undeclared(operation, request, status);
    },
    `/api/v1${operation.path}`,
  );
  // The operation it serves, for the drift test to compare with the file's method and path.
  return Object.assign(route, { operation });
}

function undeclared(operation: Operation, request: Request, status: number): void {
  logger.warn(
    { event: "contract.undeclared_status", operation: `${operation.method.toUpperCase()} ${operation.path}`, path: new URL(request.url).pathname, status },
    "a status the operation does not declare",
  );
}
