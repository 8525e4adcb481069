"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { csrfHeaders } from "@/lib/platform/security/csrf-client";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import type { SourceStatus } from "@/lib/sources/get-source";
import type { PublishPreview } from "@/lib/versions/preview-publish";

interface Checked {
  outcome: string;
  /** An HTTP description's title (an event API's check says what it holds in `message`). */
  title?: string;
  version: string;
  format: string;
  operationCount: number;
  revision?: number;
  /** What publishing did, in words (absent from a check). */
  message?: string;
  /** A check's view of what publishing would do under the service's policy. */
  preview?: PublishPreview;
}
type Problem = { message: string; pointer?: string; line?: number };
interface Failure {
  message: string;
  problems: Problem[];
  /** Refused by the service's breaking-change policy (409): a maintainer may give a reason. */
  refused?: boolean;
}

/**
 * Whether a file is an event API (AsyncAPI), from its top-level `asyncapi` key, so that it goes to
 * the service's event API versions; the portal checks it again, and refuses a mismatch naming why.
 */
function declaresAsyncApi(name: string, text: string): boolean {
  if (/\.json$/i.test(name)) {
    try {
      const data: unknown = JSON.parse(text);
      return typeof data === "object" && data !== null && "asyncapi" in data;
    } catch {
      return false;
    }
  }
  return /^["']?asyncapi["']?\s*:/m.test(text);
}

/** Sends a file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function send(url: string, file: File, onProgress: (fraction: number) => void): Promise<Checked> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.setRequestHeader("Content-Type", /\.json$/i.test(file.name) ? "application/json" : "application/yaml");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || "{}") as Checked & { error?: { message: string; details?: { problems?: Problem[] } } };
      if (request.status >= 400)
        reject({
          message: body.error?.message ?? `HTTP ${request.status}`,
          problems: body.error?.details?.problems ?? [],
          refused: request.status === 409,
        } satisfies Failure);
      else resolve(body);
    };
    request.onerror = () => reject({ message: "The upload failed: the portal could not be reached.", problems: [] } satisfies Failure);
    request.send(file);
  });
}

/** Upload a new API description (checked before it is stored), and manage the document URL. */
export function PublishPanel({ slug, source }: { slug: string; source: SourceStatus | null }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [url, setUrl] = useState(source?.url ?? "");
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  // An AsyncAPI file goes to the event API's versions, anything else to the HTTP contract's.
  const [isEvents, setIsEvents] = useState(false);
  const base = `/api/v1/services/${slug}/${isEvents ? "event-versions" : "versions"}`;
  // Event versions refused by the policy at Check are published with a reason given here.
  const eventRefused = isEvents && failure?.refused === true;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setPublished(null);
    setProgress(0);
    try {
      const accept = !dryRun && (checked?.preview?.refused || eventRefused) && reason.trim() ? `&acceptBreaking=${encodeURIComponent(reason.trim())}` : "";
      const result = await send(`${base}?origin=upload${dryRun ? "&dryRun=true" : ""}${accept}`, file, setProgress);
      if (dryRun) setChecked(result);
      else {
        setPublished(result.message ?? null);
        router.push(
          isEvents
            ? `/services/${slug}?eventVersion=${encodeURIComponent(result.version)}#event-api`
            : `/services/${slug}?version=${encodeURIComponent(result.version)}`,
        );
        router.refresh();
        setChecked(null);
        setFile(null);
        setReason("");
      }
    } catch (error) {
      setChecked(null);
      setFailure(error as Failure);
    } finally {
      setProgress(null);
    }
  };

  const saveSource = useMutation({
    mutationFn: (action: "set" | "refresh" | "remove") =>
      action === "set"
        ? apiRequest("PUT", `/api/v1/services/${slug}/source`, { url })
        : action === "refresh"
          ? apiRequest("POST", `/api/v1/services/${slug}/source/refresh`)
          : apiRequest("DELETE", `/api/v1/services/${slug}/source`),
    onSuccess: () => {
      setSourceError(null);
      router.refresh();
    },
    onError: (error) => setSourceError(error.message),
  });

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="upload" className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h3 id="upload" className="font-semibold">
          Upload a version
        </h3>
        <input
          type="file"
          aria-label="API description file"
          accept=".json,.yaml,.yml"
          className="block text-sm"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setChecked(null);
            setFailure(null);
            setIsEvents(false);
            if (chosen) void chosen.text().then((text) => setIsEvents(declaresAsyncApi(chosen.name, text)));
          }}
        />
        <div className="flex gap-2">
          <button type="button" className={secondaryButtonClass} disabled={!file || progress !== null} onClick={() => void run(true)}>
            Check
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={
              eventRefused ? !reason.trim() || progress !== null : !checked || progress !== null || (checked.preview?.refused === true && !reason.trim())
            }
            onClick={() => void run(false)}
          >
            Publish
          </button>
        </div>
        {progress !== null && <progress aria-label="Upload progress" max={1} value={progress} className="w-full" />}
        {checked && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {isEvents ? (
              <>Valid event API: {checked.message} </>
            ) : (
              <>
                Valid: {checked.title} <strong>{checked.version}</strong> ({checked.format}, {checked.operationCount} operations).{" "}
              </>
            )}
            {checked.preview?.refused ? "" : "Publish to store it."}
          </p>
        )}
        {checked?.preview && <PolicyWarning preview={checked.preview} reason={reason} onReason={setReason} />}
        {eventRefused && (
          <label className="block text-sm">
            Publish the breaking changes anyway, for this reason (maintainers; kept on the version)
            <input className={inputClass} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        {published && (
          <p role="status" data-testid="publish-outcome" className="text-sm text-emerald-800 dark:text-emerald-300">
            {published}
          </p>
        )}
        {failure && (
          <div role="alert" className="space-y-1 text-sm text-red-800 dark:text-red-300">
            <p>{failure.message}</p>
            <ul className="list-disc pl-5">
              {failure.problems
                .slice(0, 10)
                .map(
                  (problem) =>
                    `${problem.message}${problem.pointer !== undefined ? ` at ${problem.pointer || "/"}` : problem.line ? ` at line ${problem.line}` : ""}`,
                )
                // The message already names the first problem when there is one: say it once.
                .filter((text) => !failure.message.includes(text))
                .map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby="source-url" className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h3 id="source-url" className="font-semibold">
          Document URL
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Wayfinder fetches it now and then every {source?.pollIntervalMinutes ?? 15} minutes; relative $refs are followed on the same origin.
        </p>
        <div className="flex gap-2">
          <input
            type="url"
            aria-label="Document URL"
            className={inputClass}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://…/openapi.yaml"
          />
          <button type="button" className={buttonClass} disabled={!url || saveSource.isPending} onClick={() => saveSource.mutate("set")}>
            Save
          </button>
        </div>
        {source && (
          <div className="flex gap-2">
            <button type="button" className={secondaryButtonClass} disabled={saveSource.isPending} onClick={() => saveSource.mutate("refresh")}>
              Refresh now
            </button>
            <button type="button" className={secondaryButtonClass} disabled={saveSource.isPending} onClick={() => saveSource.mutate("remove")}>
              Remove
            </button>
          </div>
        )}
        <FormError message={sourceError} />
      </section>
    </div>
  );
}

/**
 * What the service's breaking-change policy will make of a checked document: under `block` with breaking
 * changes, that publishing will be refused, and for a maintainer a reason field that publishes it anyway
 * (recorded in the audit log); under `warn`, that subscribers will be told.
 */
function PolicyWarning({ preview, reason, onReason }: { preview: PublishPreview; reason: string; onReason(value: string): void }) {
  const breaking = preview.summary?.breaking ?? 0;
  if (!breaking || !preview.base || preview.policy === "allow") return null;
  const count = `${breaking} breaking change${breaking === 1 ? "" : "s"} since ${preview.base.version} (revision ${preview.base.revision})`;
  if (!preview.refused)
    return (
      <p role="status" data-testid="policy-warning" className="text-sm text-amber-800 dark:text-amber-300">
        {count}: publishing will flag them, and subscribers to <code>change.breaking</code> will be told.
      </p>
    );
  return (
    <div role="alert" data-testid="policy-warning" className="space-y-2 text-sm text-amber-900 dark:text-amber-200">
      <p>
        <strong>Publishing will be refused:</strong> {count}, and this service blocks breaking changes.
      </p>
      {preview.mayAcceptBreaking ? (
        <label className="block">
          <span className="block font-medium">Reason to publish them anyway (recorded in the audit log)</span>
          <input
            className={inputClass}
            value={reason}
            onChange={(event) => onReason(event.target.value)}
            maxLength={500}
            placeholder="e.g. v1 clients migrated, see ADR-12"
          />
        </label>
      ) : (
        <p>Only the service&apos;s maintainers may publish breaking changes with a reason: ask one of them, or make the change compatible.</p>
      )}
    </div>
  );
}
