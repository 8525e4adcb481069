import type { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from "@asyncapi/parser";
import { compareSchemas } from "@/lib/diff/compare-schemas";
import type { Change, DiffResult } from "@/lib/diff/diff-types";
import { rule } from "@/lib/diff/rules";
import { SharedSchemas } from "@/lib/diff/shared-schemas";
import { sortedResult } from "@/lib/diff/sorted-result";
import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref, resolvePointer } from "@/lib/openapi/json-pointer";
import { channelOf, messageIdOf, operationIdOf } from "./extract-event-api";
import type { AsyncApiRead } from "./read-asyncapi";

type Json = Record<string, unknown>;

/** Payload formats compared property by property; any other (Avro, RAML, Protobuf) is compared whole. */
const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi(\+json|\+yaml)?|schema(\+json|\+yaml)?)(;.*)?$/;

interface MessageModel {
  key: string;
  pointer: string;
  contentType: string | null;
  bindings: string;
}

interface OperationModel {
  action: "send" | "receive";
  channel: string;
  operationId: string | null;
  /** `SEND user/signedup`: how a change names it, as `POST /users` names an HTTP operation. */
  label: string;
  pointer: string;
  messages: Map<string, MessageModel>;
  security: string;
  bindings: string;
}

/** A binding's settings, without its `bindingVersion` (the binding's own schema version, not the contract). */
function bindingsOf(bindings: { all(): { protocol(): string; value(): unknown }[] }): string {
  const entries = bindings
    .all()
    .map((binding) => {
      const value = isPlainObject(binding.value()) ? { ...(binding.value() as Json) } : binding.value();
      if (isPlainObject(value)) delete value.bindingVersion;
      return [binding.protocol(), value] as const;
    })
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/** What a client must present, the same for 2.x (named requirements) and 3.0 (inline schemes). */
function securityOf(operation: OperationInterface): string {
  const alternatives = operation.security().map((requirements) =>
    requirements
      .all()
      .map((requirement) => {
        const scheme = requirement.scheme();
        return [scheme.type(), scheme.in() ?? "", scheme.name() ?? "", scheme.scheme() ?? "", [...requirement.scopes()].sort().join(" ")].join("|");
      })
      .sort()
      .join(" & "),
  );
  return JSON.stringify(alternatives.sort());
}

/** A message's name for matching: its `name`, else its id (3.0's key; 2.x may have made one up). */
const messageKey = (message: MessageInterface) => message.name() ?? messageIdOf(message);

function readModel(document: AsyncAPIDocumentInterface): OperationModel[] {
  return document
    .operations()
    .all()
    .map((operation) => {
      const channel = operation.channels().all()[0];
      const address = channelOf(operation);
      const action = operation.isSend() ? "send" : "receive";
      const messages = new Map<string, MessageModel>();
      for (const message of operation.messages().all())
        messages.set(messageKey(message), {
          key: messageKey(message),
          pointer: message.jsonPath(),
          contentType: message.contentType() ?? null,
          bindings: bindingsOf(message.bindings()),
        });
      return {
        action,
        channel: address,
        operationId: operationIdOf(operation),
        label: `${action.toUpperCase()} ${address}`,
        pointer: operation.jsonPath(),
        messages,
        security: securityOf(operation),
        bindings: bindingsOf(operation.bindings()) + (channel ? bindingsOf(channel.bindings()) : ""),
      };
    });
}

/**
 * Pairs operations of two versions: by operationId where both sides have one (3.0 keys every
 * operation), then the rest by direction and channel where that names exactly one on each side (a 2.x
 * operation without operationId against its 3.0 rewrite).
 */
function pairOperations(
  before: OperationModel[],
  after: OperationModel[],
): { pairs: [OperationModel, OperationModel][]; removed: OperationModel[]; added: OperationModel[] } {
  const pairs: [OperationModel, OperationModel][] = [];
  const left = new Set(before);
  const right = new Set(after);
  const byId = new Map(after.filter((operation) => operation.operationId).map((operation) => [operation.operationId!, operation]));
  for (const operation of before) {
    const match = operation.operationId ? byId.get(operation.operationId) : undefined;
    if (match && right.has(match)) {
      pairs.push([operation, match]);
      left.delete(operation);
      right.delete(match);
    }
  }
  const where = (operation: OperationModel) => `${operation.action} ${operation.channel}`;
  const unique = (list: Iterable<OperationModel>) => {
    const found = new Map<string, OperationModel | null>();
    for (const operation of list) found.set(where(operation), found.has(where(operation)) ? null : operation);
    return found;
  };
  const rest = unique(right);
  for (const [place, operation] of unique(left)) {
    const match = rest.get(place);
    if (!operation || !match) continue;
    pairs.push([operation, match]);
    left.delete(operation);
    right.delete(match);
  }
  return { pairs, removed: [...left], added: [...right] };
}

/** A message without a name or key: the 2.x parser makes one up (`<anonymous-message-1>`). */
const anonymous = (message: MessageModel) => message.key.startsWith("<anonymous-message-");

/**
 * Pairs an operation's messages: by name (or key), then what is left in order when the two sides
 * have as many left and one of them could not be named (2.x's anonymous messages against 3.0's
 * keyed ones), or one each.
 */
function pairMessages(before: Map<string, MessageModel>, after: Map<string, MessageModel>) {
  const pairs: [MessageModel, MessageModel][] = [];
  const removed = [...before.values()].filter((message) => {
    const next = after.get(message.key);
    if (next) pairs.push([message, next]);
    return !next;
  });
  const added = [...after.values()].filter((message) => !before.has(message.key));
  if (removed.length === added.length && (removed.length === 1 || removed.some(anonymous) || added.some(anonymous))) {
    removed.forEach((message, index) => pairs.push([message, added[index]!]));
    return { pairs, removed: [], added: [] };
  }
  return { pairs, removed, added };
}

/** The payload schema of a message in the stored document, and whether it is JSON Schema (AsyncAPI's own schema format). */
function payloadOf(root: Json, pointer: string): { schema: unknown; jsonSchema: boolean; pointer: string } | null {
  const message = deref(root, resolvePointer(root, `#${pointer}`));
  if (!isPlainObject(message) || message.payload === undefined) return null;
  const payload = message.payload;
  // 3.0's multi-format schema object: `{ schemaFormat, schema }`.
  const resolved = deref(root, payload);
  if (isPlainObject(resolved) && typeof resolved.schemaFormat === "string" && "schema" in resolved)
    return { schema: resolved.schema, jsonSchema: JSON_SCHEMA_FORMAT.test(resolved.schemaFormat), pointer: `${pointer}/payload/schema` };
  const format = typeof message.schemaFormat === "string" ? message.schemaFormat : null;
  return { schema: payload, jsonSchema: format === null || JSON_SCHEMA_FORMAT.test(format), pointer: `${pointer}/payload` };
}

/**
 * The changes between two versions of an event API, direction-aware: a message the service sends is
 * compared as a response is (its consumers receive it: a property removed breaks them), one it
 * receives as a request body is (its producers send it: a property made required breaks them), by the
 * diff engine's own schema comparer, so the same rules and levels hold for both kinds of contract.
 * Operations, channels, messages, content types, bindings and security are compared as well. AsyncAPI
 * 2.x and 3.0 are read into one model, so a 2.6 document and its 3.0 rewrite compare as no change.
 */
export function diffEventApis(base: AsyncApiRead, revision: AsyncApiRead): DiffResult {
  const before = readModel(base.parsed);
  const after = readModel(revision.parsed);
  const changes: Change[] = [];
  const emit = (change: Change) => changes.push(change);
  const fixed = (id: string, fields: Omit<Change, "id" | "level">) => emit({ id, level: rule(id).level, ...fields });
  const shared = new SharedSchemas();

  const { pairs, removed, added } = pairOperations(before, after);
  for (const operation of removed)
    fixed("event-operation-removed", { operation: operation.label, pointer: { base: operation.pointer }, message: `${operation.label} was removed` });
  for (const operation of added)
    fixed("event-operation-added", { operation: operation.label, pointer: { revision: operation.pointer }, message: `${operation.label} was added` });

  const addresses = (operations: OperationModel[]) => new Set(operations.map((operation) => operation.channel));
  const [channelsBefore, channelsAfter] = [addresses(before), addresses(after)];
  for (const channel of channelsBefore)
    if (!channelsAfter.has(channel))
      fixed("channel-removed", { component: `channel ${channel}`, pointer: {}, message: `channel ${channel} is no longer used by any operation` });
  for (const channel of channelsAfter)
    if (!channelsBefore.has(channel)) fixed("channel-added", { component: `channel ${channel}`, pointer: {}, message: `channel ${channel} was added` });

  for (const [was, now] of pairs) {
    const pointer = { base: was.pointer, revision: now.pointer };
    const operation = now.label;
    if (was.action !== now.action)
      fixed("event-operation-direction-changed", { operation, pointer, before: was.action, after: now.action, message: `${was.label} became ${now.label}` });
    else if (was.channel !== now.channel)
      fixed("event-operation-channel-changed", {
        operation,
        pointer,
        before: was.channel,
        after: now.channel,
        message: `${was.label} moved to channel ${now.channel}`,
      });
    if (was.security !== now.security)
      fixed("event-operation-security-changed", { operation, pointer, message: `${operation}: what a client must present to connect changed` });
    if (was.bindings !== now.bindings)
      fixed("event-operation-bindings-changed", {
        operation,
        pointer,
        message: `${operation}: its protocol bindings (of the operation or its channel) changed`,
      });

    const sends = now.action === "send";
    const messages = pairMessages(was.messages, now.messages);
    for (const message of messages.removed)
      fixed(sends ? "sent-message-removed" : "received-message-removed", {
        operation,
        pointer: { base: message.pointer },
        message: `${operation}: message "${message.key}" was removed`,
      });
    for (const message of messages.added)
      fixed(sends ? "sent-message-added" : "received-message-added", {
        operation,
        pointer: { revision: message.pointer },
        message: `${operation}: message "${message.key}" was added`,
      });
    for (const [message, next] of messages.pairs) {
      const subject = `${operation}: message "${next.key}"`;
      const messagePointer = { base: message.pointer, revision: next.pointer };
      if (message.contentType !== next.contentType)
        fixed("message-content-type-changed", {
          operation,
          pointer: messagePointer,
          before: message.contentType ?? undefined,
          after: next.contentType ?? undefined,
          message: `${subject}: its content type changed`,
        });
      if (message.bindings !== next.bindings)
        fixed("event-operation-bindings-changed", { operation, pointer: messagePointer, message: `${subject}: its protocol bindings changed` });
      const payloads = [payloadOf(base.document, message.pointer), payloadOf(revision.document, next.pointer)] as const;
      const [a, b] = payloads;
      if (!a && !b) continue;
      if (!a || !b || !a.jsonSchema || !b.jsonSchema) {
        if (JSON.stringify(a?.schema) !== JSON.stringify(b?.schema))
          fixed("message-payload-changed", {
            operation,
            pointer: messagePointer,
            message: `${subject}: its payload (not JSON Schema, compared whole) changed`,
          });
        continue;
      }
      compareSchemas(a.schema, b.schema, {
        baseRoot: base.document,
        revisionRoot: revision.document,
        owner: { operation },
        shared,
        subject: `${subject} (${sends ? "sent" : "received"})`,
        // Consumers receive what the service sends, as clients receive a response.
        place: sends ? "response-body" : "request-body",
        basePointer: a.pointer,
        revisionPointer: b.pointer,
        emit,
      });
    }
  }

  changes.push(...shared.flush());
  return sortedResult(changes);
}
