import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { getService } from "@/lib/services/get-service";
import { listOperationIndex } from "@/lib/versions/operation-index";
import { getEventVersion, listEventVersions } from "@/lib/versions/list-event-versions";
import { inlineText, linkTarget } from "./markdown-text";

/** Event operations listed on a service's Markdown page; the rest are in the document. */
const MAX_EVENT_OPERATIONS = 500;

/** Where an operation's own Markdown page is. */
export function operationMarkdownUrl(slug: string, version: string, method: string, path: string): string {
  return `/services/${slug}.md?${new URLSearchParams({ version, method: method.toLowerCase(), path })}`;
}

/**
 * A service as Markdown, for assistants and `curl`: what it is, who owns it, its versions, and every
 * operation of its current HTTP version linked to that operation's own Markdown page; its event API
 * in brief. What the reader may see, as on the service page (maintainers' addresses only for those
 * who may see them).
 */
export async function serviceMarkdown(db: Db, actor: Actor, slug: string, origin: string): Promise<string> {
  assertMayRead(actor);
  const service = await getService(db, slug, { reader: actor });
  const current = service.versions.find((version) => version.isCurrent) ?? service.versions[0];
  const lines = [`# ${inlineText(service.name, 200)}`, ""];
  if (service.description) lines.push(inlineText(service.description, 2000), "");
  lines.push(`- Lifecycle: ${service.lifecycle}; tier ${service.tier}`);
  for (const owner of service.owners)
    lines.push(
      `- ${owner.isPrimary ? "Owner" : "Also owned by"}: ${inlineText(owner.name, 120)}${owner.chatChannel ? ` (${inlineText(owner.chatChannel, 80)})` : ""}${
        owner.maintainers.length
          ? `; maintainers ${owner.maintainers.map((person) => inlineText(person.email ? `${person.name} <${person.email}>` : person.name, 120)).join(", ")}`
          : ""
      }`,
    );
  if (service.repositoryUrl) lines.push(`- Repository: ${linkTarget(service.repositoryUrl)}`);
  lines.push(`- Portal page: ${origin}/services/${service.slug}`, "");
  if (current) {
    const contract = `${origin}/api/v1/services/${service.slug}/versions/${encodeURIComponent(current.version)}`;
    lines.push(
      `## HTTP API ${inlineText(current.version, 60)}`,
      "",
      `${inlineText(current.title, 200)}: ${current.operationCount} operations. Contract (JSON): ${contract}/document. Typed clients: ${contract}/client?lang=typescript, ${contract}/client?lang=python.`,
      "",
      `Versions: ${service.versions.map((version) => `${inlineText(version.version, 60)}${version.isCurrent ? " (current)" : ""}`).join(", ")}.`,
      "",
    );
    for (const group of await listOperationIndex(db, { serviceSlug: service.slug, version: current.version, revision: current.revision })) {
      lines.push(`### ${inlineText(group.name, 120)}`, "");
      for (const operation of group.operations)
        lines.push(
          `- [${operation.method.toUpperCase()} ${inlineText(operation.path, 500)}](${linkTarget(`${origin}${operationMarkdownUrl(service.slug, current.version, operation.method, operation.path)}`)})${
            operation.summary ? `: ${inlineText(operation.summary, 200)}` : ""
          }${operation.deprecated ? " (deprecated)" : ""}`,
        );
      lines.push("");
    }
  }
  const [event] = await listEventVersions(db, service.slug);
  if (event) {
    const { api } = await getEventVersion(db, { serviceSlug: service.slug, version: event.version });
    lines.push(
      `## Event API ${inlineText(event.version, 60)}`,
      "",
      `AsyncAPI ${inlineText(event.asyncapi, 20)}: ${event.channelCount} channels, ${event.operationCount} operations, ${event.messageCount} messages. Document (JSON): ${origin}/api/v1/services/${service.slug}/event-versions/${encodeURIComponent(event.version)}/document.`,
      "",
    );
    // What the service does on each channel, as the service page's section says it: it sends (publishes) or receives.
    for (const operation of api.operations.slice(0, MAX_EVENT_OPERATIONS))
      lines.push(
        `- ${operation.action === "send" ? "Sends" : "Receives"} on ${inlineText(operation.channel, 300)}${operation.operationId ? ` (${inlineText(operation.operationId, 120)})` : ""}${
          operation.summary ? `: ${inlineText(operation.summary, 200)}` : ""
        }${operation.messages.length ? `; messages ${operation.messages.map((id) => inlineText(id, 120)).join(", ")}` : ""}`,
      );
    if (api.operations.length > MAX_EVENT_OPERATIONS) lines.push(`- … and ${api.operations.length - MAX_EVENT_OPERATIONS} more in the document.`);
    lines.push("");
  }
  return lines.join("\n");
}
