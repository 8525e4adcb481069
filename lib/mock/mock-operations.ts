import { transformOas2Operations } from "@stoplight/http-spec/oas2/operation";
import { transformOas3Operations } from "@stoplight/http-spec/oas3/operation";
import { bundleTarget } from "@stoplight/json";
import type { IHttpOperation } from "@stoplight/types";

/**
 * Prism's operations for a stored document. Prism's own loader (getHttpOperationsFromSpec) is not used:
 * it dereferences the whole document, which never finished on Stripe's (circular) in five minutes, and it
 * resolves remote `$ref`s over HTTP, which a portal must not do for a document someone uploaded. Instead
 * the operations keep their local `$ref`s, bundled once into one shared `__bundled__` section (about
 * 0.4 s for Stripe's 410 operations), and callbacks are dropped: Prism would call them, and a mock
 * must not send requests to addresses a document names.
 */
export function buildMockOperations(document: Record<string, unknown>): IHttpOperation[] {
  const raw = (document.swagger ? transformOas2Operations(document as never) : transformOas3Operations(document as never)) as IHttpOperation[];
  const bundled = bundleTarget({
    document: { ...document, __target__: { ops: raw } },
    path: "#/__target__",
    cloneDocument: true,
  }) as { ops: IHttpOperation[]; __bundled__?: unknown };
  return bundled.ops.map((operation) => {
    const { callbacks: _callbacks, ...rest } = operation as IHttpOperation & { callbacks?: unknown };
    // A $ref the bundler left pointing into the document itself (DigitalOcean's reuse another operation's
    // response schema by path) still resolves: the document's sections travel along, shared, not copied.
    return {
      ...rest,
      __bundled__: bundled.__bundled__,
      paths: document.paths,
      components: document.components,
      definitions: document.definitions,
    } as IHttpOperation;
  });
}
