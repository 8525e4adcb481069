import type { EventApi } from "@/lib/asyncapi/extract-event-api";
import { eventAnchor } from "@/lib/asyncapi/event-anchor";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { addSearchWords } from "@/lib/search-index/add-search-words";
import { operationSearchText } from "@/lib/search-index/operation-search-text";

export type EventEntryKind = "channel" | "operation" | "message";

export interface EventSearchRow {
  kind: EventEntryKind;
  name: string;
  action: string | null;
  channel: string;
  summary: string;
  anchor: string;
  searchName: string;
  searchText: string;
}

/**
 * One search row per channel, operation and message of an event API, named and worded as HTTP
 * operations are (operation-search-text.ts): a channel by its address's words, an operation by its
 * id and its channel's, a message by its id and name; each then by its summary, tags, description.
 */
export function eventSearchRows(api: EventApi): EventSearchRow[] {
  const channels = api.channels.map((channel) => ({
    kind: "channel" as const,
    name: channel.address ?? channel.id,
    action: null,
    channel: "",
    summary: channel.description.slice(0, 240),
    anchor: eventAnchor("channel", channel.id),
    ...operationSearchText({
      operationId: channel.id,
      path: channel.address ?? "",
      summary: "",
      description: channel.description,
      tags: [],
      parameterNames: channel.messages,
    }),
  }));
  const operations = api.operations.map((operation) => ({
    kind: "operation" as const,
    name: operation.operationId ?? `${operation.action} ${operation.channel}`,
    action: operation.action,
    channel: operation.channel,
    summary: operation.summary.slice(0, 240),
    anchor: eventAnchor("operation", operation.operationId ?? operation.pointer),
    ...operationSearchText({
      operationId: operation.operationId,
      path: operation.channel,
      summary: operation.summary,
      description: "",
      tags: [...operation.tags, operation.action],
      parameterNames: operation.messages,
    }),
  }));
  const messages = api.messages.map((message) => ({
    kind: "message" as const,
    name: message.name ?? message.title ?? message.id,
    action: null,
    channel: "",
    summary: (message.summary || message.title || "").slice(0, 240),
    anchor: eventAnchor("message", message.id),
    ...operationSearchText({
      operationId: message.id,
      path: message.name ?? "",
      summary: [message.title ?? "", message.summary].join(" "),
      description: "",
      tags: [],
      parameterNames: [],
    }),
  }));
  return [...channels, ...operations, ...messages];
}

/**
 * Makes an event version what search finds of its service, in the caller's transaction: the
 * service's rows of an older version go, this version's come, and their words join the dictionary
 * misspellings are corrected to.
 */
export async function indexEventApi(db: Db, { serviceId, eventVersionId, api }: { serviceId: string; eventVersionId: string; api: EventApi }): Promise<number> {
  const rows = eventSearchRows(api);
  await db.eventSearchEntry.deleteMany({ where: { serviceId } });
  await db.eventSearchEntry.createMany({ data: rows.map((row) => ({ serviceId, eventVersionId, ...row })) });
  await addSearchWords(
    db,
    rows.map((row) => row.searchText),
  );
  return rows.length;
}

/**
 * Indexes the newest event version of each service that has event versions but no search rows:
 * those published before search read event APIs. One query when there are none; run at start-up.
 */
export async function indexUnindexedEventApis(db: Db): Promise<number> {
  const services = await db.service.findMany({
    where: { eventVersions: { some: {} }, eventSearchEntries: { none: {} } },
    select: { id: true, eventVersions: { orderBy: [{ createdAt: "desc" }, { revision: "desc" }], take: 1, select: { id: true, api: true } } },
  });
  for (const service of services) {
    const newest = service.eventVersions[0];
    if (newest)
      await inTransaction(db, (tx) => indexEventApi(tx, { serviceId: service.id, eventVersionId: newest.id, api: newest.api as unknown as EventApi }));
  }
  return services.length;
}
