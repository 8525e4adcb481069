import { parseAllDocuments } from "yaml";
import { z } from "zod";
import { Lifecycle } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { rescoreServices } from "@/lib/scorecards/recompute-scorecards";
import { isAppError } from "@/lib/platform/errors";
import { createService } from "@/lib/services/create-service";
import { serviceInputSchema } from "@/lib/services/service-input";
import { loadServiceSnapshot } from "@/lib/services/service-snapshot";
import { transferService } from "@/lib/services/transfer-service";
import { updateService } from "@/lib/services/update-service";
import { slugify, slugSchema } from "@/lib/slug";
import { createTeam } from "@/lib/teams/create-team";
import { updateTeam } from "@/lib/teams/update-team";
import type { Prisma } from "@/generated/prisma/client";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { publishEventVersion } from "@/lib/versions/publish-event-version";
import { publishPrepared, publishVersion } from "@/lib/versions/publish-version";
import { replaceConsumptions } from "@/lib/consumers/manage-consumptions";
import { backstageEntitySchema, parseEntityRef, type BackstageEntity } from "./backstage-entities";
import { fetchCatalog, fetchDefinition, substitutionOf } from "./fetch-catalog";

export interface ImportOutcome {
  /** Position of the document in the input, from 1. */
  document: number;
  kind: string;
  name: string;
  action: "created" | "updated" | "unchanged" | "skipped" | "failed";
  target?: string;
  reason?: string;
}

const lifecycles = new Set<string>(Object.values(Lifecycle));
const MAX_DOCUMENTS = 500;

function repositoryUrl(annotations: Record<string, string> = {}): string | undefined {
  const github = annotations["github.com/project-slug"];
  if (github && /^[\w.-]+\/[\w.-]+$/.test(github)) return `https://github.com/${github}`;
  const source = annotations["backstage.io/source-location"]?.replace(/^url:/, "");
  return source && /^https?:\/\//.test(source) ? source.replace(/\/tree\/.*$/, "") : undefined;
}

function tagsOf(entity: BackstageEntity): string[] {
  const tags = (entity.metadata.tags ?? []).map((tag) => slugify(tag)).filter(Boolean);
  const system = "spec" in entity && entity.spec && "system" in entity.spec ? entity.spec.system : undefined;
  if (system) tags.push(`system-${slugify(parseEntityRef(system, "system").name)}`);
  return [...new Set(tags)].slice(0, 20);
}

/** The API types whose definitions are stored: OpenAPI (and Swagger) as HTTP contracts, AsyncAPI as event APIs. */
const readTypes = new Set(["openapi", "asyncapi"]);

/** Why an API entity's definition was not stored. */
const definitionDropped = (type: string) =>
  `no API version stored: its definition is of type "${type}", and Wayfinder reads OpenAPI (and Swagger) and AsyncAPI descriptions`;

/** What a stored definition became, in the import's words. */
const versionKind = (type: string) => (type === "asyncapi" ? "event API version" : "API version");

const problem = (error: unknown) =>
  error instanceof z.ZodError
    ? error.issues.map((issue) => `${issue.path.join(".") || "entity"}: ${issue.message}`).join("; ")
    : isAppError(error)
      ? error.message
      : String(error);

/**
 * Imports Backstage `catalog-info.yaml` documents (admins only): Groups become teams, Components and
 * APIs become services with owners, lifecycle, tags and links, a Component's `consumesApis` become
 * its declarations of the whole APIs it consumes (replacing what an earlier import declared), and an API's OpenAPI definition becomes
 * a version of the service that provides it (an AsyncAPI one, a version of its event API): inline, or (for a catalog given by URL) the file a `$text`,
 * `$openapi`, `$yaml` or `$json` substitution names, fetched relative to the catalog file. Systems are not modelled; their components get a
 * `system-<name>` tag. Every entity is checked before anything is written; entities that cannot be
 * imported are reported with the reason and skipped, and the rest is written in one transaction.
 */
export async function importBackstage(
  db: Db,
  { actor, ...input }: { actor: Actor } & ({ yaml: string; url?: undefined } | { url: string; yaml?: undefined }),
): Promise<{ outcomes: ImportOutcome[] }> {
  assert(isAdmin(actor), actor, "import from Backstage");
  // A catalog given by URL is fetched (the SSRF-safe fetcher, its allowlist); its substituted definitions are read relative to it.
  const catalog = input.url !== undefined ? await fetchCatalog(input.url) : { url: undefined, text: input.yaml };
  const yaml = catalog.text;
  const outcomes: ImportOutcome[] = [];
  const entities: { document: number; entity: BackstageEntity }[] = [];

  const documents = parseAllDocuments(yaml, { version: "1.2", schema: "core", uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [documents];
  list.slice(0, MAX_DOCUMENTS).forEach((doc, index) => {
    const position = index + 1;
    if (doc.errors.length) {
      outcomes.push({ document: position, kind: "?", name: "?", action: "failed", reason: `not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}` });
      return;
    }
    const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (raw === null || raw === undefined) return;
    const parsed = backstageEntitySchema.safeParse(raw);
    if (!parsed.success) {
      const kind = typeof raw === "object" && raw && "kind" in raw ? String((raw as { kind: unknown }).kind) : "?";
      const name = (raw as { metadata?: { name?: unknown } })?.metadata?.name;
      const supported = ["Group", "Component", "API", "System"].includes(kind);
      outcomes.push({
        document: position,
        kind,
        name: typeof name === "string" ? name : "?",
        action: supported ? "failed" : "skipped",
        reason: supported ? problem(parsed.error) : `kind "${kind}" is not imported (Group, Component, API and System are)`,
      });
      return;
    }
    entities.push({ document: position, entity: parsed.data });
  });
  if (list.length > MAX_DOCUMENTS)
    outcomes.push({ document: MAX_DOCUMENTS + 1, kind: "?", name: "?", action: "skipped", reason: `only the first ${MAX_DOCUMENTS} documents are imported` });

  const groupNames = new Set(entities.filter(({ entity }) => entity.kind === "Group").map(({ entity }) => entity.metadata.name.toLowerCase()));
  const providers = new Map<string, string>();
  for (const { entity } of entities)
    if (entity.kind === "Component")
      for (const api of entity.spec.providesApis ?? []) providers.set(parseEntityRef(api, "api").name, entity.metadata.name.toLowerCase());
  const order = { Group: 0, Component: 1, API: 2, System: 3 } as const;
  entities.sort((a, b) => order[a.entity.kind] - order[b.entity.kind] || a.document - b.document);

  // Definitions in other files are fetched before the transaction (no network while it holds locks).
  const fetched = new Map<number, Awaited<ReturnType<typeof fetchDefinition>> | Error>();
  for (const { document, entity } of entities) {
    const substitution = entity.kind === "API" && readTypes.has(entity.spec.type) ? substitutionOf(entity.spec.definition) : undefined;
    if (!substitution || !catalog.url) continue;
    fetched.set(
      document,
      await fetchDefinition(catalog.url, substitution.target).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  }
  /**
   * Publishes an API entity's definition (inline, or fetched) to a service: OpenAPI as a version of its
   * HTTP contract, AsyncAPI as a version of its event API; null with the reason when it cannot be.
   */
  const publishDefinition = async (
    tx: Prisma.TransactionClient,
    document: number,
    entity: { spec: { type: string; definition?: unknown } },
    serviceSlug: string,
  ) => {
    const { type, definition } = entity.spec;
    const event = type === "asyncapi";
    if (typeof definition === "string" && definition.trim()) {
      if (!event) return { result: await publishVersion(tx, { actor, serviceSlug, text: definition, origin: "import" }) };
      const prepared = await runPipeline("prepareEventReceived", {
        body: Buffer.from(definition),
        contentType: "application/yaml",
        limits: ingestLimitsFromEnv(),
      });
      return { result: await publishEventVersion(tx, { actor, serviceSlug, prepared, origin: "import" }) };
    }
    const substitution = substitutionOf(definition);
    if (!substitution) return { why: "it has no definition (inline text, or a $text, $openapi, $yaml or $json substitution)" };
    if (!catalog.url)
      return {
        why: `its definition is a ${substitution.kind} substitution ("${substitution.target}"), which is read relative to the catalog file: import the catalog by URL, or paste the definition inline`,
      };
    const read = fetched.get(document);
    const where = new URL(substitution.target, catalog.url).href;
    if (!read || read instanceof Error) return { why: `its definition ${where} could not be read: ${problem(read ?? "not fetched")}` };
    if (read.kind === "event" && event) return { result: await publishEventVersion(tx, { actor, serviceSlug, prepared: read.prepared, origin: "import" }) };
    if (read.kind === "http" && !event) return { result: await publishPrepared(tx, { actor, serviceSlug, prepared: read.prepared, origin: "import" }) };
    return { why: `its type is "${type}", but ${where} is ${read.kind === "event" ? "an AsyncAPI" : "an OpenAPI"} document` };
  };

  /**
   * A Component's `consumesApis`, as declarations of whole APIs (source `backstage`): an API entity
   * names the service that provides it, or its own service. APIs not in Wayfinder are left out, said.
   */
  const declareConsumed = async (tx: Prisma.TransactionClient, consumerSlug: string, refs: string[]) => {
    const wanted = [...new Set(refs.map((ref) => parseEntityRef(ref, "api").name.toLowerCase()))].map((name) => providers.get(name) ?? name);
    const known = new Set((await tx.service.findMany({ where: { slug: { in: wanted } }, select: { slug: true } })).map((service) => service.slug));
    const consumes = [...new Set(wanted.filter((provider) => known.has(provider) && provider !== consumerSlug))].map((api) => ({ api }));
    const replaced = await replaceConsumptions(tx, { actor, consumerSlug, file: { consumes }, source: "backstage" });
    const missing = wanted.filter((provider) => !known.has(provider));
    return `consumes ${replaced.declared.length} API${replaced.declared.length === 1 ? "" : "s"}${missing.length ? ` (not in Wayfinder: ${missing.join(", ")})` : ""}`;
  };

  const consumers: { outcome: ImportOutcome; slug: string; refs: string[] }[] = [];
  await inTransaction(db, async (tx) => {
    const teamExists = async (slug: string) => groupNames.has(slug) || (await tx.team.count({ where: { slug } })) > 0;

    for (const { document, entity } of entities) {
      const name = entity.metadata.name;
      const report = (action: ImportOutcome["action"], extra: Partial<ImportOutcome> = {}) =>
        outcomes.push({ document, kind: entity.kind, name, action, ...extra });
      try {
        if (entity.kind === "System") {
          report("skipped", { reason: "systems are not modelled in Wayfinder; their components are tagged system-" + slugify(name) });
          continue;
        }
        const slug = slugSchema.parse(name.toLowerCase());
        if (entity.kind === "Group") {
          const fields = {
            name: entity.spec?.profile?.displayName ?? entity.metadata.title ?? name,
            description: entity.metadata.description ?? "",
            email: entity.spec?.profile?.email ?? null,
          };
          const existing = await tx.team.findUnique({ where: { slug }, select: { name: true, description: true, email: true } });
          if (!existing) {
            await createTeam(tx, { actor, input: { slug, ...fields } });
            report("created", { target: `/teams/${slug}` });
          } else if (existing.name !== fields.name || existing.description !== fields.description || existing.email !== fields.email) {
            await updateTeam(tx, { actor, slug, changes: fields });
            report("updated", { target: `/teams/${slug}` });
          } else report("unchanged", { target: `/teams/${slug}` });
          continue;
        }

        if (entity.kind === "API" && providers.has(slug)) {
          const serviceSlug = providers.get(slug)!;
          if (!readTypes.has(entity.spec.type)) report("skipped", { reason: definitionDropped(entity.spec.type) });
          else if (!(await tx.service.count({ where: { slug: serviceSlug } }))) report("skipped", { reason: `its provider "${serviceSlug}" was not imported` });
          else {
            const published = await publishDefinition(tx, document, entity, serviceSlug);
            if (!published.result) report("skipped", { reason: published.why });
            else
              report(published.result.outcome === "created" ? "updated" : "unchanged", {
                target: `/services/${serviceSlug}`,
                reason: `${versionKind(entity.spec.type)} ${published.result.version} (revision ${published.result.revision}) of ${serviceSlug}`,
              });
          }
          continue;
        }

        const owner = parseEntityRef(entity.spec.owner, "group");
        if (owner.kind !== "group") {
          report("skipped", { reason: `owned by ${owner.kind} "${owner.name}"; Wayfinder services are owned by teams (Groups)` });
          continue;
        }
        if (!(await teamExists(owner.name))) {
          report("failed", { reason: `its owner, group "${owner.name}", is neither in Wayfinder nor in this import` });
          continue;
        }
        if (!lifecycles.has(entity.spec.lifecycle)) {
          report("failed", { reason: `lifecycle "${entity.spec.lifecycle}" is not one of ${[...lifecycles].join(", ")}` });
          continue;
        }
        const fields = {
          name: entity.metadata.title ?? name,
          description: entity.metadata.description ?? "",
          lifecycle: entity.spec.lifecycle as Lifecycle,
          tags: tagsOf(entity),
          repositoryUrl: repositoryUrl(entity.metadata.annotations) ?? null,
          links: (entity.metadata.links ?? [])
            .filter((link) => /^https?:\/\//.test(link.url))
            .slice(0, 20)
            .map((link) => ({ kind: "other" as const, label: (link.title ?? link.url).slice(0, 60), url: link.url })),
        };
        const existing = await tx.service.findUnique({ where: { slug }, select: { id: true } });
        if (!existing) {
          await createService(tx, { actor, input: serviceInputSchema.parse({ slug, ...fields, primaryOwner: owner.name }) });
          report("created", { target: `/services/${slug}` });
        } else {
          const before = await loadServiceSnapshot(tx, slug);
          const changed = JSON.stringify({ ...before.state, ...fields }) !== JSON.stringify(before.state) || before.state.primaryOwner !== owner.name;
          if (changed) {
            await updateService(tx, { actor, slug, changes: fields });
            if (before.state.primaryOwner !== owner.name) await transferService(tx, { actor, slug, transfer: { primaryOwner: owner.name } });
            report("updated", { target: `/services/${slug}` });
          } else report("unchanged", { target: `/services/${slug}` });
        }
        // Declared once every entity is in: the APIs it names may come later in the import.
        if (entity.kind === "Component" && entity.spec.consumesApis)
          consumers.push({ outcome: outcomes[outcomes.length - 1]!, slug, refs: entity.spec.consumesApis });
        if (entity.kind === "API") {
          // The service stands either way; what became of its definition is said on the same line.
          const outcome = outcomes[outcomes.length - 1]!;
          if (!readTypes.has(entity.spec.type)) outcome.reason = definitionDropped(entity.spec.type);
          else {
            const published = await publishDefinition(tx, document, entity, slug);
            outcome.reason = published.result
              ? `${versionKind(entity.spec.type)} ${published.result.version} ${published.result.outcome === "created" ? "stored" : "already stored"}`
              : `no ${versionKind(entity.spec.type)} stored: ${published.why}`;
          }
        }
      } catch (error) {
        // Domain errors are raised before anything is written for the entity; anything else aborts the import.
        if (!isAppError(error) && !(error instanceof z.ZodError)) throw error;
        report("failed", { reason: problem(error) });
      }
    }
    for (const { outcome, slug, refs } of consumers) {
      const said = await declareConsumed(tx, slug, refs).catch((error: unknown) => {
        if (!isAppError(error)) throw error;
        return `its consumesApis were not declared: ${error.message}`;
      });
      outcome.reason = outcome.reason ? `${outcome.reason}; ${said}` : said;
    }
  });
  // Levels once the import has committed (inside it, a failed statement would abort the whole import).
  const touched = outcomes.filter((outcome) => outcome.action === "created" || outcome.action === "updated").map((outcome) => outcome.target);
  const slugs = touched.filter((target): target is string => target?.startsWith("/services/") ?? false).map((target) => target.slice("/services/".length));
  if (slugs.length)
    await rescoreServices(
      db,
      (await db.service.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map(({ id }) => id),
    );
  return { outcomes: outcomes.sort((a, b) => a.document - b.document) };
}
