"use client";

import type { EventApiView } from "@/lib/asyncapi/event-api-view";

function Direction({ action }: { action: EventApiView["operations"][number]["action"] }) {
  const sends = action === "send";
  return (
    <span
      className={`dir ${sends ? "dir-send" : "dir-receive"}`}
      title={sends ? "The service sends these messages: its consumers receive them." : "The service receives these messages: its producers send them."}
    >
      {sends ? "sends" : "receives"}
    </span>
  );
}

/**
 * An event API's operations, channels and messages, drawn from plain data (event-api-view.ts): as a
 * client component, its rows travel to the browser once, as data, instead of a second time as markup
 * in the React Server Components payload (the catalogue does the same). Text from the document is
 * rendered as text.
 */
export function EventApiLists({ view }: { view: EventApiView }) {
  return (
    <div className="event-lists space-y-4">
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
            {view.operations.flatMap((operation) => [
              <tr key={operation.key} id={operation.anchor} className="op">
                <td>
                  <Direction action={operation.action} />
                </td>
                <td className="mono">{operation.channel}</td>
                <td>
                  {operation.operationId && <code className="text-xs">{operation.operationId}</code>}
                  {operation.summary && <p className="muted">{operation.summary}</p>}
                </td>
                <td>
                  {operation.messages.map((message) => (
                    <a key={message.anchor} href={`#${message.anchor}`} className="link">
                      {message.label}
                    </a>
                  ))}
                </td>
              </tr>,
              operation.samples.length > 0 && (
                <tr key={`${operation.key} samples`}>
                  <td colSpan={4} className="pb-2">
                    <details>
                      <summary className="cursor-pointer text-xs text-teal-700 dark:text-teal-400">
                        {operation.action === "send" ? "Subscribe" : "Publish"} with {operation.samples.map((sample) => sample.label).join(", ")}
                      </summary>
                      {operation.samples.map((sample) => (
                        <figure key={sample.label} className="mt-1">
                          <figcaption className="text-xs text-slate-600 dark:text-slate-400">{sample.label}</figcaption>
                          <pre className="code" data-language={sample.language}>
                            {sample.code}
                          </pre>
                        </figure>
                      ))}
                    </details>
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">Channels</h3>
        <dl className="space-y-2 text-sm">
          {view.channels.map((channel) => (
            <div key={channel.id} id={channel.anchor} className="card">
              <dt className="mono">{channel.address}</dt>
              <dd>
                {channel.description && <p className="muted">{channel.description}</p>}
                {channel.messages.length > 0 && (
                  <p className="muted text-xs">
                    Messages:{" "}
                    {channel.messages.map((message) => (
                      <a key={message.anchor} href={`#${message.anchor}`} className="link">
                        {message.label}
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
        {view.messages.map((message) => (
          <section key={message.key} id={message.anchor} aria-label={`Message ${message.label}`} className="card">
            <h4 className="font-medium">
              {message.title}
              {message.contentType && <span className="mono muted ml-2">{message.contentType}</span>}
            </h4>
            {message.summary && <p className="muted text-sm">{message.summary}</p>}
            <p className="muted text-xs">
              {message.examples} example{message.examples === 1 ? "" : "s"}
            </p>
            {message.href && (
              <a href={message.href} className="link text-sm">
                Payload, examples and code samples
              </a>
            )}
            {message.payload !== null && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">Payload schema</summary>
                <pre className="code">{message.payload}</pre>
              </details>
            )}
            {message.exampleTexts.map((example, index) => (
              <details key={index} className="mt-2">
                <summary className="cursor-pointer text-sm">{example.title}</summary>
                <pre className="code">{example.text}</pre>
              </details>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
