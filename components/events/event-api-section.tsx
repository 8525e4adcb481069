import Link from "@/components/portal-link";
import { eventAnchor } from "@/lib/asyncapi/event-anchor";
import type { EventOperation } from "@/lib/asyncapi/extract-event-api";
import type { Change } from "@/lib/diff/diff-types";
import { eventCodeSamples, eventServers } from "@/lib/asyncapi/event-code-samples";
import { messageView, type MessageView } from "@/lib/asyncapi/message-view";
import type { EventVersionView, getEventVersion } from "@/lib/versions/list-event-versions";

type Selected = Awaited<ReturnType<typeof getEventVersion>>;

/** Characters of a payload schema shown on the page; the whole is in the downloadable document. */
const MAX_SCHEMA_CHARS = 20_000;
const MAX_CHANGES_SHOWN = 50;

function Direction({ action }: { action: EventOperation["action"] }) {
  const sends = action === "send";
  return (
    <span
      className={`inline-block w-20 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${sends ? "bg-teal-100 text-teal-900 dark:bg-teal-900/50 dark:text-teal-100" : "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/50 dark:text-indigo-100"}`}
      title={sends ? "The service sends these messages: its consumers receive them." : "The service receives these messages: its producers send them."}
    >
      {sends ? "sends" : "receives"}
    </span>
  );
}

/** JSON pretty-printed and cut at MAX_SCHEMA_CHARS (the whole is in the downloadable document). */
function shown(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "";
  return text.length > MAX_SCHEMA_CHARS ? `${text.slice(0, MAX_SCHEMA_CHARS)}\n… (cut: download the document for the rest)` : text;
}

/**
 * A service's event API (AsyncAPI), server-rendered: the version shown and the others, what it holds
 * (operations with their direction and channel, messages with their payload schema), and what
 * changed against the version it followed. Every part has an anchor: `#operation-…`, `#message-…`.
 * Text from the document is rendered as text.
 */
export function EventApiSection({ slug, versions, selected }: { slug: string; versions: EventVersionView[]; selected: Selected }) {
  const document = JSON.parse(selected.json) as Record<string, unknown>;
  const base = `/api/v1/services/${encodeURIComponent(slug)}/event-versions/${encodeURIComponent(selected.version)}`;
  const changes = selected.changes.slice(0, MAX_CHANGES_SHOWN) as Change[];
  const messages = new Map<string, MessageView | null>(selected.api.messages.map((message) => [message.id, messageView(document, message.pointer)]));
  const servers = eventServers(document);
  return (
    <section aria-labelledby="event-api" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="event-api" className="text-xl font-semibold">
          Event API
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <nav aria-label="Event API versions" className="flex flex-wrap gap-2">
            {versions.map((version) => {
              const current = version.version === selected.version && version.revision === selected.revision;
              return (
                <Link
                  key={`${version.version}-${version.revision}`}
                  href={`/services/${slug}?eventVersion=${encodeURIComponent(version.version)}&eventRevision=${version.revision}#event-api`}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-md border px-2 py-0.5 ${current ? "border-teal-600 bg-teal-50 font-medium dark:bg-teal-900/40" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`}
                >
                  {version.version}
                  {version.revision > 1 ? ` (rev. ${version.revision})` : ""}
                </Link>
              );
            })}
          </nav>
          <a href={`${base}/document?revision=${selected.revision}`} className="text-teal-700 hover:underline dark:text-teal-400">
            Download JSON
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {selected.title}, AsyncAPI {selected.asyncapi}
        {selected.convertedFrom ? ` (converted from ${selected.convertedFrom})` : ""}: {selected.channelCount} channel{selected.channelCount === 1 ? "" : "s"},{" "}
        {selected.operationCount} operation{selected.operationCount === 1 ? "" : "s"}, {selected.messageCount} message{selected.messageCount === 1 ? "" : "s"}.
        {selected.baseVersion
          ? ` Against ${selected.baseVersion} (revision ${selected.baseRevision}): ${selected.breakingCount} breaking, ${selected.warningCount} potentially breaking, ${selected.infoCount} other changes.`
          : ""}
      </p>

      {changes.length > 0 && (
        <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" open={selected.breakingCount > 0}>
          <summary className="cursor-pointer text-sm font-medium">Changes since {selected.baseVersion}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {changes.map((change, index) => (
              <li key={index}>
                <span className={change.level === "breaking" ? "font-semibold text-red-700 dark:text-red-400" : ""}>{change.level}</span>{" "}
                <code className="text-xs">{change.id}</code> {change.message}
              </li>
            ))}
          </ul>
        </details>
      )}

      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Operations</caption>
          <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Direction
              </th>
              <th scope="col" className="py-1 pr-3">
                Channel
              </th>
              <th scope="col" className="py-1 pr-3">
                Operation
              </th>
              <th scope="col" className="py-1">
                Messages
              </th>
            </tr>
          </thead>
          <tbody>
            {selected.api.operations.flatMap((operation) => {
              const example = operation.messages.map((id) => messages.get(id)?.examples[0]?.payload).find((payload) => payload !== undefined);
              const samples = eventCodeSamples(servers, operation, example);
              return [
                <tr
                  key={operation.pointer}
                  id={eventAnchor("operation", operation.operationId ?? operation.pointer)}
                  className="border-t border-slate-200 align-top dark:border-slate-700"
                >
                  <td className="py-1.5 pr-3">
                    <Direction action={operation.action} />
                  </td>
                  <td className="py-1.5 pr-3 font-mono text-xs break-all">{operation.channel}</td>
                  <td className="py-1.5 pr-3">
                    {operation.operationId && <code className="text-xs">{operation.operationId}</code>}
                    {operation.summary && <p className="text-slate-600 dark:text-slate-400">{operation.summary}</p>}
                  </td>
                  <td className="py-1.5">
                    {operation.messages.map((id) => (
                      <a key={id} href={`#${eventAnchor("message", id)}`} className="mr-2 text-teal-700 hover:underline dark:text-teal-400">
                        {selected.api.messages.find((message) => message.id === id)?.name ?? id}
                      </a>
                    ))}
                  </td>
                </tr>,
                samples.length > 0 && (
                  <tr key={`${operation.pointer} samples`}>
                    <td colSpan={4} className="pb-2">
                      <details>
                        <summary className="cursor-pointer text-xs text-teal-700 dark:text-teal-400">
                          {operation.action === "send" ? "Subscribe" : "Publish"} with {samples.map((sample) => sample.label).join(", ")}
                        </summary>
                        {samples.map((sample) => (
                          <figure key={sample.label} className="mt-1">
                            <figcaption className="text-xs text-slate-600 dark:text-slate-400">{sample.label}</figcaption>
                            <pre className="overflow-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900" data-language={sample.language}>
                              {sample.code}
                            </pre>
                          </figure>
                        ))}
                      </details>
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Channels</h3>
        <dl className="space-y-2 text-sm">
          {selected.api.channels.map((channel) => (
            <div key={channel.id} id={eventAnchor("channel", channel.id)} className="rounded-lg border border-slate-200 p-2 dark:border-slate-700">
              <dt className="font-mono text-xs break-all">{channel.address ?? channel.id}</dt>
              <dd>
                {channel.description && <p className="text-slate-600 dark:text-slate-400">{channel.description}</p>}
                {channel.messages.length > 0 && (
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Messages:{" "}
                    {channel.messages.map((id) => (
                      <a key={id} href={`#${eventAnchor("message", id)}`} className="mr-2 text-teal-700 underline dark:text-teal-400">
                        {id}
                      </a>
                    ))}
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">Messages</h3>
        {selected.api.messages.map((message) => {
          const view = messages.get(message.id);
          return (
            <section
              key={message.pointer}
              id={eventAnchor("message", message.id)}
              aria-label={`Message ${message.name ?? message.id}`}
              className="rounded-lg border border-slate-200 p-3 dark:border-slate-700"
            >
              <h4 className="font-medium">
                {message.title ?? message.name ?? message.id}
                {message.contentType && <span className="ml-2 font-mono text-xs text-slate-600 dark:text-slate-400">{message.contentType}</span>}
              </h4>
              {message.summary && <p className="text-sm text-slate-600 dark:text-slate-400">{message.summary}</p>}
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {message.examples} example{message.examples === 1 ? "" : "s"}
              </p>
              {view?.payload != null && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm">Payload schema</summary>
                  <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">{shown(view.payload)}</pre>
                </details>
              )}
              {view?.examples.map((example, index) => (
                <details key={index} className="mt-2">
                  <summary className="cursor-pointer text-sm">
                    Example{example.name ? ` ${example.name}` : view.examples.length > 1 ? ` ${index + 1}` : ""}
                    {example.summary ? `: ${example.summary}` : ""}
                  </summary>
                  <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">{shown(example.payload)}</pre>
                </details>
              ))}
            </section>
          );
        })}
      </div>
    </section>
  );
}
