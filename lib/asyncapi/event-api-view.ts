import { eventAnchor } from "./event-anchor";
import { eventCodeSamples, eventServers, type EventCodeSample } from "./event-code-samples";
import type { EventAction, EventApi } from "./extract-event-api";
import { messageView } from "./message-view";

/** Characters of a payload schema or example shown on the page; the whole is in the downloadable document. */
const MAX_SCHEMA_CHARS = 20_000;

/**
 * Above this many operations and messages together, an event API is shown in large-document mode:
 * every operation, channel and message is listed, but payloads, examples and code samples are
 * rendered only for the message asked for (`?message=<id>`), so the page stays small.
 */
export const LARGE_EVENT_API = 200;

/** JSON pretty-printed and cut at MAX_SCHEMA_CHARS. */
function shown(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "";
  return text.length > MAX_SCHEMA_CHARS ? `${text.slice(0, MAX_SCHEMA_CHARS)}\n… (cut: download the document for the rest)` : text;
}

/** What the page draws of an event API: plain data (strings), sent to the browser once. */
export interface EventApiView {
  large: boolean;
  operations: {
    key: string;
    anchor: string;
    action: EventAction;
    channel: string;
    operationId: string | null;
    summary: string;
    messages: { anchor: string; label: string }[];
    samples: EventCodeSample[];
  }[];
  channels: { id: string; anchor: string; address: string; description: string; messages: { anchor: string; label: string }[] }[];
  messages: {
    key: string;
    anchor: string;
    label: string;
    title: string;
    contentType: string | null;
    summary: string;
    examples: number;
    /** Where its payload, examples and samples are shown, in large-document mode; null when they are here. */
    href: string | null;
    payload: string | null;
    exampleTexts: { title: string; text: string }[];
  }[];
}

/**
 * An event version as its service page shows it: operations with their channel, messages and code
 * samples; channels; messages with their payload schema (references expanded) and examples. In
 * large-document mode only the message `asked` for (and the operations carrying it) is shown in full.
 */
export function eventApiView(
  { document, api, href }: { document: Record<string, unknown>; api: EventApi; href: (messageId: string) => string },
  asked?: string,
): EventApiView {
  const large = api.operations.length + api.messages.length > LARGE_EVENT_API;
  const inFull = (id: string) => !large || id === asked;
  const byId = new Map(api.messages.map((message) => [message.id, message]));
  const views = new Map(api.messages.filter((message) => inFull(message.id)).map((message) => [message.id, messageView(document, message.pointer)]));
  const servers = eventServers(document);
  const link = (id: string) => ({ anchor: eventAnchor("message", id), label: byId.get(id)?.name ?? id });
  return {
    large,
    operations: api.operations.map((operation) => {
      const example = operation.messages.map((id) => views.get(id)?.examples[0]?.payload).find((payload) => payload !== undefined);
      const shownHere = operation.messages.length === 0 || operation.messages.some(inFull);
      return {
        key: operation.pointer,
        anchor: eventAnchor("operation", operation.operationId ?? operation.pointer),
        action: operation.action,
        channel: operation.channel,
        operationId: operation.operationId,
        summary: operation.summary,
        messages: operation.messages.map(link),
        samples: shownHere ? eventCodeSamples(servers, operation, example) : [],
      };
    }),
    channels: api.channels.map((channel) => ({
      id: channel.id,
      anchor: eventAnchor("channel", channel.id),
      address: channel.address ?? channel.id,
      description: channel.description,
      messages: channel.messages.map((id) => ({ anchor: eventAnchor("message", id), label: id })),
    })),
    messages: api.messages.map((message) => {
      const view = views.get(message.id);
      return {
        key: message.pointer,
        anchor: eventAnchor("message", message.id),
        label: message.name ?? message.id,
        title: message.title ?? message.name ?? message.id,
        contentType: message.contentType,
        summary: message.summary,
        examples: message.examples,
        href: inFull(message.id) ? null : href(message.id),
        payload: view?.payload != null ? shown(view.payload) : null,
        exampleTexts: (view?.examples ?? []).map((example, index, all) => ({
          title: `Example${example.name ? ` ${example.name}` : all.length > 1 ? ` ${index + 1}` : ""}${example.summary ? `: ${example.summary}` : ""}`,
          text: shown(example.payload),
        })),
      };
    }),
  };
}
