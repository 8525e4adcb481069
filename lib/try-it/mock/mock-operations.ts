import { transformOas2Operations } from "@stoplight/http-spec/oas2/operation";
import { transformOas3Operations } from "@stoplight/http-spec/oas3/operation";
import { bundleTarget } from "@stoplight/json";
import { HttpParamStyles, type IHttpOperation } from "@stoplight/types";

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
    const { callbacks: _callbacks, ...rest } = withFormEncodings(operation) as IHttpOperation & { callbacks?: unknown };
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

/**
 * A form's list fields get OpenAPI's default encoding (style `form`, exploded) when the document states
 * none: Prism deserialises a form field only by its stated encoding, so without one Twilio's `Types=…`
 * reached validation as a string and every call failed "must be array".
 */
function withFormEncodings(operation: IHttpOperation): IHttpOperation {
  const contents = operation.request?.body?.contents;
  if (!contents?.some((content) => content.mediaType === "application/x-www-form-urlencoded")) return operation;
  return {
    ...operation,
    request: {
      ...operation.request,
      body: {
        ...operation.request!.body!,
        contents: contents.map((content) => {
          if (content.mediaType !== "application/x-www-form-urlencoded") return content;
          const properties = (content.schema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
          const stated = new Set((content.encodings ?? []).map((encoding) => encoding.property));
          const added = Object.entries(properties)
            .filter(([name, property]) => !stated.has(name) && property && typeof property === "object" && property.type === "array")
            // allowReserved: Prism checks the raw text, where a browser's form writes a space as "+".
            .map(([property]) => ({ property, style: HttpParamStyles.Form as const, explode: true, allowReserved: true }));
          return added.length ? { ...content, encodings: [...(content.encodings ?? []), ...added] } : content;
        }),
      },
    },
  };
}
