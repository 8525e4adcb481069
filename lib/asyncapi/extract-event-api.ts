import type { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from "@asyncapi/parser";

/**
 * What the application does on a channel, in AsyncAPI 3.0's words for both versions: 2.x's
 * `subscribe` is the application sending (its consumers subscribe to what it sends), `publish` is it
 * receiving. Diffs are direction-aware on this: a consumer receives what the service sends.
 */
export type EventAction = "send" | "receive";

export interface EventOperation {
  action: EventAction;
  /** Where it is in the stored document (a JSON pointer). */
  pointer: string;
  /** The channel's address (`user/signedup`, `smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured`), or its id when it has none. */
  channel: string;
  /** 3.0's operation key, or 2.x's operationId; null when a 2.x operation has none. */
  operationId: string | null;
  summary: string;
  /** The ids of the messages it carries. */
  messages: string[];
  tags: string[];
}

export interface EventChannel {
  id: string;
  address: string | null;
  description: string;
  messages: string[];
}

export interface EventMessage {
  id: string;
  /** Where it is in the stored document (a JSON pointer; the payload is under it). */
  pointer: string;
  name: string | null;
  title: string | null;
  summary: string;
  contentType: string | null;
  hasPayload: boolean;
  examples: number;
}

/** An event API as the catalogue, search and diff read it, the same for AsyncAPI 2.x and 3.0. */
export interface EventApi {
  title: string;
  version: string;
  channels: EventChannel[];
  operations: EventOperation[];
  messages: EventMessage[];
}

/**
 * A message's id: its key (3.0), `messageId` or the name the 2.x parser gives it; else its `name`,
 * else its place in the document (a 2.x message reached only through a channel may have no id).
 */
export const messageIdOf = (message: MessageInterface): string => message.id() ?? message.name() ?? message.jsonPath();

/** An operation's name: 3.0's key, or 2.x's operationId (the 2.x parser makes up ids when there is none). */
export const operationIdOf = (operation: OperationInterface): string | null =>
  operation.operationId() ?? (operation.action() === "send" || operation.action() === "receive" ? (operation.id() ?? null) : null);

/** The address of the channel an operation is on, or the channel's id when it has no address. */
export const channelOf = (operation: OperationInterface): string => {
  const channel = operation.channels().all()[0];
  return channel ? (channel.address() ?? channel.id()) : "";
};

export function extractEventApi(document: AsyncAPIDocumentInterface): EventApi {
  const info = document.info();
  return {
    title: info.title(),
    version: info.version(),
    channels: document
      .channels()
      .all()
      .map((channel) => ({
        id: channel.id(),
        address: channel.address() ?? null,
        description: channel.description() ?? "",
        messages: channel.messages().all().map(messageIdOf),
      })),
    operations: document
      .operations()
      .all()
      .map((operation) => {
        return {
          action: operation.isSend() ? "send" : "receive",
          pointer: operation.jsonPath(),
          channel: channelOf(operation),
          operationId: operationIdOf(operation),
          summary: operation.summary() ?? "",
          messages: operation.messages().all().map(messageIdOf),
          tags: operation
            .tags()
            .all()
            .map((tag) => tag.name()),
        };
      }),
    messages: document
      .allMessages()
      .all()
      .map((message) => ({
        id: messageIdOf(message),
        pointer: message.jsonPath(),
        name: message.name() ?? null,
        title: message.title() ?? null,
        summary: message.summary() ?? "",
        contentType: message.contentType() ?? null,
        hasPayload: message.hasPayload(),
        examples: message.examples().all().length,
      })),
  };
}
