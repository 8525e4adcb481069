import { Prisma } from "@/generated/prisma/client";
import type { Lifecycle } from "@/generated/prisma/enums";
import type { Db } from "@/lib/platform/db/types";
import { searchDocs } from "@/lib/content/search-docs";
import { collectionTitles } from "@/lib/content/collections";
import { resolveQuery, type Correction } from "@/lib/search-index/resolve-query";
import { kindsOf, type SearchInput } from "@/lib/search-index/search-input";
import { swaggerDeepLink } from "@/lib/search-index/swagger-deep-link";
import type { EventEntryKind } from "@/lib/asyncapi/index-event-api";
import { metrics } from "@/lib/platform/metrics";
import { cachedCatalogueRead } from "@/lib/services/catalogue-cache";

export interface OperationHit {
  service: { slug: string; name: string };
  version: string;
  method: string;
  path: string;
  operationId: string | null;
  summary: string;
  description: string;
  tags: string[];
  deprecated: boolean;
  /** The service's docs on this version, expanded on this operation. */
  url: string;
}

/** A channel, operation or message of a service's newest event API version. */
export interface EventHit {
  service: { slug: string; name: string };
  version: string;
  kind: EventEntryKind;
  /** The channel's address, the operation's id, the message's name. */
  name: string;
  /** An operation's direction: the service sends or receives; null for channels and messages. */
  action: "send" | "receive" | null;
  /** The channel an operation is on; "" otherwise. */
  channel: string;
  summary: string;
  /** The service page on that version, at this channel, operation or message. */
  url: string;
}

export interface ServiceHit {
  slug: string;
  name: string;
  description: string;
  lifecycle: Lifecycle;
  url: string;
}

export interface TeamHit {
  slug: string;
  name: string;
  url: string;
}

export interface DocHit {
  title: string;
  collection: string;
  snippet: string;
  url: string;
}

export interface SearchResults {
  query: string;
  corrections: Correction[];
  services: ServiceHit[];
  operations: OperationHit[];
  /** How many operations matched in all (`operations` holds the first `limit`), counted up to COUNTED_MATCHES. */
  operationTotal: number;
  /** False when more than COUNTED_MATCHES matched: `operationTotal` is then a lower bound. */
  operationTotalIsExact: boolean;
  events: EventHit[];
  teams: TeamHit[];
  docs: DocHit[];
}

/** Services (`s`) one of whose owners is this team. */
const ownedBy = (team: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "ServiceOwnership" so JOIN "Team" t ON t.id = so."teamId" WHERE so."serviceId" = s.id AND t.slug = ${team})`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * A regular expression for the query's words as word starts in the operation's name, in the query's
 * order (`payment intent confirm` → `\mpayment.*\mintent.*\mconfirm`). Words are [a-z0-9] only
 * (search-tokens.ts), so nothing in them is special to the expression.
 */
const inOrder = (words: string[]) => words.map((word) => `\\m${word}`).join(".*");

/** How many matching operations are ranked at most, and counted at most (see searchOperations). */
export const RANKED_CANDIDATES = 1000;
export const COUNTED_MATCHES = 1000;

/**
 * Operations of each service's current version, ranked: the operationId typed exactly (or a path
 * typed exactly) first, then an operationId that starts with the query, then those whose name
 * (operationId and path) holds every word of the query in its order, then every word in any order,
 * then full-text rank, where words that name the operation weigh ten times the others. So
 * `confirm payment intent` puts Stripe's PostPaymentIntentsIntentConfirm above
 * PostSetupIntentsIntentConfirm, whose description alone says "payment". Retired services
 * are left out, as in the catalogue.
 *
 * Ranking reads every candidate, so a word that nearly every operation holds ("tenant" in 82,000 of
 * 100,000) would cost a third of a second: the candidates are the operations whose name matches
 * (their own index on `searchName`) and any others, RANKED_CANDIDATES of each at most, plus exact
 * operationId matches always.
 * The total is counted up to COUNTED_MATCHES.
 */
async function searchOperations(
  db: Db,
  input: SearchInput,
  query: { tsquery: string; compact: string; words: string[] },
): Promise<{ hits: OperationHit[]; total: number; totalIsExact: boolean }> {
  const filters: Prisma.Sql[] = [Prisma.sql`s.lifecycle <> 'retired'`];
  if (input.team) filters.push(ownedBy(input.team));
  if (input.service) filters.push(Prisma.sql`s.slug = ${input.service}`);
  if (input.method) filters.push(Prisma.sql`o.method = ${input.method}`);
  if (input.deprecated !== undefined) filters.push(Prisma.sql`o.deprecated = ${input.deprecated}`);
  const where = Prisma.join(filters, " AND ");
  const path = input.q.trim().toLowerCase();
  const nameVector = Prisma.sql`to_tsvector('simple', o."searchName")`;
  // Each tier reads an index: operationId or path typed exactly (btree on expressions), words that
  // name operations (GIN on searchName's words), then any word (GIN on searchVector).
  // One after the other, here and in searchAll: a search holds one pooled connection at a time, so
  // 50 concurrent searches queue for the pool's 10 instead of each asking for four.
  const rows = await db.$queryRaw<(Omit<OperationHit, "service" | "url"> & { serviceSlug: string; serviceName: string })[]>`
      WITH q AS (SELECT to_tsquery('simple', ${query.tsquery}) AS query),
      candidates AS MATERIALIZED (
        (SELECT o.id FROM "Operation" o JOIN "Service" s ON s."currentVersionId" = o."apiVersionId"
          WHERE ((o."operationId" IS NOT NULL AND split_part(o."searchName", ' ', 1) = ${query.compact}) OR lower(o.path) = ${path}) AND ${where} LIMIT 100)
        UNION
        (SELECT o.id FROM "Operation" o JOIN "Service" s ON s."currentVersionId" = o."apiVersionId", q
          WHERE ${nameVector} @@ q.query AND ${where} LIMIT ${RANKED_CANDIDATES})
        UNION
        (SELECT o.id FROM "Operation" o JOIN "Service" s ON s."currentVersionId" = o."apiVersionId", q
          WHERE o."searchVector" @@ q.query AND ${where} LIMIT ${RANKED_CANDIDATES})
      )
      SELECT o.method, o.path, o."operationId", o.summary, left(o.description, 240) AS description, o.tags, o.deprecated,
             s.slug AS "serviceSlug", s.name AS "serviceName", v.version
      FROM candidates c
      JOIN "Operation" o ON o.id = c.id
      JOIN "Service" s ON s."currentVersionId" = o."apiVersionId"
      JOIN "ApiVersion" v ON v.id = o."apiVersionId"
      CROSS JOIN q
      ORDER BY (o."operationId" IS NOT NULL AND split_part(o."searchName", ' ', 1) = ${query.compact}) OR lower(o.path) = ${path} DESC,
               (o."operationId" IS NOT NULL AND starts_with(split_part(o."searchName", ' ', 1), ${query.compact})) OR lower(o.path) LIKE ${likePattern(path)} DESC,
               o."searchName" ~ ${inOrder(query.words)} DESC,
               ${nameVector} @@ q.query DESC,
               ts_rank(o."searchVector", q.query) DESC, s.name, o.path, o.method
      LIMIT ${input.limit}`;
  const counted = await db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (
        SELECT 1 FROM "Operation" o JOIN "Service" s ON s."currentVersionId" = o."apiVersionId"
        WHERE o."searchVector" @@ to_tsquery('simple', ${query.tsquery}) AND ${where} LIMIT ${COUNTED_MATCHES + 1}) matched`;
  const hits = rows.map(({ serviceSlug, serviceName, ...row }) => ({
    ...row,
    service: { slug: serviceSlug, name: serviceName },
    url: `/services/${serviceSlug}?version=${encodeURIComponent(row.version)}${swaggerDeepLink(row)}`,
  }));
  const total = Number(counted[0]?.total ?? 0);
  return { hits, total: Math.min(total, COUNTED_MATCHES), totalIsExact: total <= COUNTED_MATCHES };
}

/**
 * Channels, operations and messages of each service's newest event version (their search rows,
 * index-event-api.ts), ranked as operations are: the name typed exactly, then every word naming it,
 * then full-text rank. Retired services are left out.
 */
async function searchEvents(db: Db, input: SearchInput, query: { tsquery: string; compact: string }): Promise<EventHit[]> {
  const filters: Prisma.Sql[] = [Prisma.sql`s.lifecycle <> 'retired'`];
  if (input.team) filters.push(ownedBy(input.team));
  if (input.service) filters.push(Prisma.sql`s.slug = ${input.service}`);
  const text = input.q.trim().toLowerCase();
  const rows = await db.$queryRaw<(Omit<EventHit, "service" | "url"> & { anchor: string; serviceSlug: string; serviceName: string })[]>`
    WITH q AS (SELECT to_tsquery('simple', ${query.tsquery}) AS query)
    SELECT e.kind, e.name, e.action, e.channel, e.summary, e.anchor, s.slug AS "serviceSlug", s.name AS "serviceName", v.version
    FROM "EventSearchEntry" e
    JOIN "Service" s ON s.id = e."serviceId"
    JOIN "EventVersion" v ON v.id = e."eventVersionId"
    CROSS JOIN q
    WHERE (e."searchVector" @@ q.query OR lower(e.name) = ${text}) AND ${Prisma.join(filters, " AND ")}
    ORDER BY lower(e.name) = ${text} OR split_part(e."searchName", ' ', 1) = ${query.compact} DESC,
             to_tsvector('simple', e."searchName") @@ q.query DESC,
             ts_rank(e."searchVector", q.query) DESC, s.name, e.kind, e.name
    LIMIT ${input.limit}`;
  return rows.map(({ serviceSlug, serviceName, anchor, ...row }) => ({
    ...row,
    service: { slug: serviceSlug, name: serviceName },
    url: `/services/${serviceSlug}?eventVersion=${encodeURIComponent(row.version)}#${anchor}`,
  }));
}

/** Services by name, slug and description: the name or slug typed exactly first, then full-text rank. */
async function searchServices(db: Db, input: SearchInput, tsquery: string): Promise<ServiceHit[]> {
  const filters: Prisma.Sql[] = [Prisma.sql`s.lifecycle <> 'retired'`];
  if (input.team) filters.push(ownedBy(input.team));
  const text = input.q.trim();
  const query = Prisma.sql`to_tsquery('simple', ${tsquery})`;
  const rows = await db.$queryRaw<Omit<ServiceHit, "url">[]>`
    SELECT s.slug, s.name, left(s.description, 240) AS description, s.lifecycle
    FROM "Service" s
    WHERE (s."searchVector" @@ ${query} OR s.name ILIKE ${likePattern(text)} OR s.slug ILIKE ${likePattern(text)}) AND ${Prisma.join(filters, " AND ")}
    ORDER BY lower(s.name) = lower(${text}) OR s.slug = lower(${text}) DESC,
             ts_rank(s."searchVector", ${query}) DESC, s.name
    LIMIT ${input.limit}`;
  return rows.map((row) => ({ ...row, url: `/services/${row.slug}` }));
}

/** Teams by name or slug, a near spelling included (trigram similarity). */
async function searchTeams(db: Db, input: SearchInput): Promise<TeamHit[]> {
  const text = input.q.trim();
  const rows = await db.$queryRaw<{ slug: string; name: string }[]>`
    SELECT slug, name FROM "Team"
    WHERE name ILIKE ${likePattern(text)} OR slug ILIKE ${likePattern(text)} OR word_similarity(${text}, name) > 0.5
    ORDER BY lower(name) = lower(${text}) DESC, word_similarity(${text}, name) DESC, name
    LIMIT ${input.limit}`;
  return rows.map((row) => ({ ...row, url: `/teams/${row.slug}` }));
}

/**
 * Searches everything a reader may see: services, the operations of each service's current version,
 * teams, and the docs (patterns, ADRs, onboarding, guides). Services and operations come from the
 * database's full-text and trigram indexes, so every instance answers the same; docs from the
 * in-memory index of content/, which every instance builds from the same files.
 */
export async function searchEverything(db: Db, input: SearchInput): Promise<SearchResults> {
  const end = metrics().searchDuration.startTimer();
  try {
    // The same query asked again answers from memory until a service or team changes (publishing a
    // version touches its service): the palette's prefixes and a team's usual searches cost one
    // fingerprint query instead of five.
    return await cachedCatalogueRead(db, `search ${JSON.stringify(input)}`, () => searchAll(db, input));
  } finally {
    end();
  }
}

async function searchAll(db: Db, input: SearchInput): Promise<SearchResults> {
  const kinds = kindsOf(input);
  const empty: SearchResults = {
    query: input.q,
    corrections: [],
    services: [],
    operations: [],
    operationTotal: 0,
    operationTotalIsExact: true,
    events: [],
    teams: [],
    docs: [],
  };
  const resolved = await resolveQuery(db, input.q);
  const docs =
    kinds.includes("doc") && !input.team
      ? searchDocs(input.q, input.limit).map((hit) => ({
          title: hit.title,
          collection: collectionTitles[hit.collection],
          snippet: hit.snippet.map((piece) => piece.text).join(""),
          url: hit.url,
        }))
      : [];
  if (!resolved) return { ...empty, docs };
  const operations = kinds.includes("operation") ? await searchOperations(db, input, resolved) : { hits: [], total: 0, totalIsExact: true };
  const events = kinds.includes("event") ? await searchEvents(db, input, resolved) : [];
  const services = kinds.includes("service") ? await searchServices(db, input, resolved.tsquery) : [];
  const teams = kinds.includes("team") && !input.team ? await searchTeams(db, input) : [];
  return {
    query: input.q,
    corrections: resolved.corrections,
    services,
    operations: operations.hits,
    operationTotal: operations.total,
    operationTotalIsExact: operations.totalIsExact,
    events,
    teams,
    docs,
  };
}
