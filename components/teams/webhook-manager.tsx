"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import type { WebhookWithDeliveries } from "@/lib/webhooks/manage-webhooks";

/**
 * A team's webhooks: subscribe an endpoint (its signing secret shown once), see each one's last
 * deliveries (status, latency, the start of the answer), send a test event, redeliver, remove.
 */
export function WebhookManager({ teamSlug, webhooks, services }: { teamSlug: string; webhooks: WebhookWithDeliveries[]; services: string[] }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["version.published", "change.breaking"]);
  const [includeConsumed, setIncludeConsumed] = useState(false);
  const [format, setFormat] = useState<"standard" | "slack">("standard");
  const [service, setService] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setError(null);
    router.refresh();
  };
  const create = useMutation({
    mutationFn: () =>
      apiRequest<{ secret: string }>("POST", `/api/v1/teams/${teamSlug}/webhooks`, { url, events, format, ...(service ? { service } : { includeConsumed }) }),
    onSuccess: (result) => {
      setSecret(result.secret);
      setUrl("");
      done();
    },
    onError: (failure) => setError(failure.message),
  });
  const act = useMutation({
    mutationFn: ({ method, path }: { method: "POST" | "DELETE"; path: string }) => apiRequest(method, path),
    onSuccess: done,
    onError: (failure) => setError(failure.message),
  });

  return (
    <div className="space-y-3">
      {secret && (
        <div role="status" className="space-y-1 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">The signing secret, shown once: verify each delivery with it (Standard Webhooks).</p>
          <code data-testid="webhook-secret" className="block font-mono break-all">
            {secret}
          </code>
        </div>
      )}
      <form
        aria-label="Add a webhook"
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            Endpoint (https)
            <input
              required
              type="url"
              className={`${inputClass} w-80 max-w-full`}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://"
            />
          </label>
          <label className="text-sm">
            Format
            <select className={inputClass} value={format} onChange={(event) => setFormat(event.target.value as "standard" | "slack")}>
              <option value="standard">Signed JSON (Standard Webhooks)</option>
              <option value="slack">Slack incoming webhook</option>
            </select>
          </label>
          <label className="text-sm">
            For
            <select className={inputClass} value={service} onChange={(event) => setService(event.target.value)}>
              <option value="">All the team&apos;s services</option>
              {services.map((slug) => (
                <option key={slug} value={slug}>
                  {slug}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="mb-1 font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((type) => (
            <label key={type} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={events.includes(type)}
                onChange={(event) => setEvents(event.target.checked ? [...events, type] : events.filter((chosen) => chosen !== type))}
              />
              <code>{type}</code>
            </label>
          ))}
        </fieldset>
        {!service && (
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={includeConsumed} onChange={(event) => setIncludeConsumed(event.target.checked)} />
            Also breaking changes to the APIs our services consume, when they touch them
          </label>
        )}
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Add webhook
        </button>
      </form>
      <FormError message={error} />
      <ul className="space-y-3">
        {webhooks.map((webhook) => (
          <li key={webhook.id} data-testid="webhook" className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all">{webhook.url}</code>
              <span className="text-slate-600 dark:text-slate-400">
                {webhook.format === "slack" ? "Slack" : "signed JSON"} · {webhook.service ?? "all services"}
                {webhook.includeConsumed ? " and the APIs they consume" : ""} · {webhook.events.join(", ")}
              </span>
              <span className="ml-auto flex gap-2">
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => act.mutate({ method: "POST", path: `/api/v1/webhooks/${webhook.id}/test` })}
                >
                  Send a test event
                </button>
                <button type="button" className={secondaryButtonClass} onClick={() => act.mutate({ method: "DELETE", path: `/api/v1/webhooks/${webhook.id}` })}>
                  Remove
                </button>
              </span>
            </div>
            {webhook.disabledAt && (
              <p role="alert" className="mt-1 text-red-700 dark:text-red-400">
                Disabled: {webhook.disabledReason} Send a test event to enable it again.
              </p>
            )}
            {webhook.deliveries.length > 0 && (
              <table className="mt-2 w-full text-left text-xs">
                <caption className="sr-only">Last deliveries to {webhook.url}</caption>
                <thead className="text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Answer</th>
                    <th scope="col">
                      <span className="sr-only">Redeliver</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {webhook.deliveries.map((delivery) => (
                    <tr key={delivery.id} data-testid="delivery" className="align-top">
                      <td className="font-mono">{delivery.type}</td>
                      <td>
                        {delivery.status}
                        {delivery.responseStatus ? ` (HTTP ${delivery.responseStatus}, ${delivery.latencyMs} ms)` : ""}
                      </td>
                      <td>{delivery.attempts}</td>
                      <td className="max-w-xs break-words">{delivery.responseExcerpt}</td>
                      <td>
                        <button
                          type="button"
                          className="text-teal-700 underline underline-offset-2 dark:text-teal-400"
                          onClick={() => act.mutate({ method: "POST", path: `/api/v1/webhooks/deliveries/${delivery.id}/redeliver` })}
                        >
                          Redeliver
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
