/** Errors as RFC 9457 problem details (patterns/error-format): one class, one handler, one shape. */
import type { FastifyError, FastifyInstance } from "fastify";

export const ERRORS = "https://errors.tidewater.example";
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

export interface ProblemError {
  pointer?: string;
  detail: string;
}

/** An error a client can act on: its `type` is a stable URI clients branch on, never `detail`. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemError[],
  ) {
    super(detail ?? title);
  }
}

/** The Problem schema, registered once and referred to by every error response. */
export const problemSchema = {
  $id: "Problem",
  type: "object",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", required: ["detail"], properties: { pointer: { type: "string" }, detail: { type: "string" } } },
    },
  },
} as const;

/** An error response as a route's schema declares it. */
export const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: "Problem#" } } },
});

type AjvError = { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> };

/** Every validation problem at once: body problems with a JSON Pointer, parameter problems by name. */
function validationProblem(errors: AjvError[], context: string | undefined): Problem {
  const problems = errors.map((error): ProblemError => {
    const name = error.params.missingProperty ?? error.params.additionalProperty;
    const path = `${error.instancePath}${name === undefined ? "" : `/${String(name)}`}`;
    const detail = error.keyword === "additionalProperties" ? "is not a known field" : (error.message ?? "is not valid");
    return context === "body" ? { pointer: path || "/", detail } : { detail: `${context ?? "request"} parameter ${path.slice(1)}: ${detail}` };
  });
  return new Problem(422, `${ERRORS}/validation`, "The request is invalid", `${problems.length} problem(s)`, problems);
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) problem = error;
    else if (error.validation) problem = validationProblem(error.validation as AjvError[], error.validationContext);
    else if (error.statusCode && error.statusCode < 500) problem = new Problem(error.statusCode, `${ERRORS}/http-${error.statusCode}`, error.message);
    else {
      // Logged in full here; the client gets a bare 500 with no stack trace, SQL or host names.
      request.log.error({ event: "request.failed", err: error }, "unhandled error");
      problem = new Problem(500, `${ERRORS}/internal`, "Something went wrong");
    }
    const { status, type, title, detail, errors } = problem;
    return reply.code(status).type(PROBLEM_MEDIA_TYPE).send({ type, title, status, detail, errors });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type(PROBLEM_MEDIA_TYPE).send({ type: `${ERRORS}/not-found`, title: "Not found", status: 404 }),
  );
}
