import type { ConsumptionSource } from "@/generated/prisma/enums";

/** A service as every consumers view reads it: name, lifecycle, and its owning teams, primary first. */
export const serviceWithTeamsSelect = {
  select: {
    slug: true,
    name: true,
    lifecycle: true,
    ownerships: { orderBy: { isPrimary: "desc" as const }, select: { team: { select: { slug: true, name: true } } } },
  },
};

/** What a declaration's view reads of it. */
export const consumptionSelect = {
  versions: true,
  operations: true,
  fields: true,
  source: true,
  createdBy: true,
  updatedAt: true,
  consumer: serviceWithTeamsSelect,
  provider: serviceWithTeamsSelect,
} as const;

interface Row {
  versions: string;
  operations: string[];
  fields: string[];
  source: ConsumptionSource;
  createdBy: string;
  updatedAt: Date;
  consumer: { slug: string; name: string; ownerships: { team: { slug: string; name: string } }[] };
  provider: Row["consumer"];
}

const serviceRef = (row: Row["consumer"]) => ({ slug: row.slug, name: row.name, teams: row.ownerships.map((ownership) => ownership.team) });

export function toConsumptionView(row: Row) {
  return {
    consumer: serviceRef(row.consumer),
    provider: serviceRef(row.provider),
    versions: row.versions,
    operations: row.operations,
    fields: row.fields,
    source: row.source,
    declaredBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ConsumptionView = ReturnType<typeof toConsumptionView>;
