import { z } from "zod";
import { isoDate, lifecycleSchema, slugRef, teamRefSchema } from "./common";

/** Who consumes what: declarations, observed calls, the graph, unused operations, watches. */
const serviceWithTeams = z.object({ slug: slugRef, name: z.string(), teams: z.array(teamRefSchema).meta({ description: "Owning teams, primary first." }) });

export const consumptionSchema = z
  .object({
    consumer: serviceWithTeams,
    provider: serviceWithTeams,
    versions: z.string().meta({ description: "The provider's versions it uses, a semver range (`*`: any)." }),
    operations: z.array(z.string()).meta({ description: "operationIds or `METHOD /path`; empty: the whole API." }),
    fields: z.array(z.string()).meta({ description: "Property names it reads or sends; empty: any." }),
    source: z
      .enum(["portal", "file", "backstage"])
      .meta({ description: "Declared in the portal (browser, REST, `wayfinder consumes`), by a wayfinder.consumes.yaml, or by a Backstage import." }),
    declaredBy: z.string(),
    updatedAt: isoDate,
  })
  .meta({ id: "Consumption" });

const observedSchema = z.object({
  operation: z.string().meta({ description: "`METHOD /path` as the provider's document spells it." }),
  calls: z.int().min(1),
  lastSeenAt: isoDate,
});

export const neighbourSchema = z
  .object({
    service: serviceWithTeams.extend({ lifecycle: lifecycleSchema }),
    declared: z
      .object({
        versions: z.string(),
        operations: z.array(z.string()),
        fields: z.array(z.string()),
        source: z.enum(["portal", "file", "backstage"]),
        declaredBy: z.string().nullable().meta({ description: "Only for readers who are signed in (or use a token)." }),
        updatedAt: isoDate,
      })
      .nullable()
      .meta({ description: "The declaration; null when the service was only seen calling." }),
    observed: z.array(observedSchema).meta({ description: "Operations seen called in the last 90 days." }),
  })
  .meta({ id: "Neighbour" });

export const unusedOperationsSchema = z
  .object({
    windowDays: z.int(),
    wholeApiConsumers: z.int().min(0).meta({ description: "Consumers that declared the whole API: they may use any operation." }),
    operations: z.array(z.object({ operation: z.string(), operationId: z.string().nullable(), deprecated: z.boolean() })),
  })
  .meta({
    id: "UnusedOperations",
    description: "Operations of the current version no declaration names and no call was seen to in the window: candidates for deprecation.",
  });

const neighbourPage = {
  items: z.array(neighbourSchema).meta({ description: "By name, one page." }),
  total: z.int().min(0).meta({ description: "How many there are in all." }),
  page: z.int().min(1),
  pageSize: z.int().min(1),
};

export const serviceConsumersSchema = z.object(neighbourPage).meta({ id: "ServiceConsumers" });

export const serviceDependenciesSchema = z.object(neighbourPage).meta({ id: "ServiceDependencies" });

export const replacedConsumptionsSchema = z
  .object({
    declared: z.array(consumptionSchema),
    removed: z.array(slugRef).meta({ description: "Providers this source no longer declares: their declarations were withdrawn." }),
  })
  .meta({ id: "ReplacedConsumptions" });

export const serviceGraphSchema = z
  .object({
    nodes: z.array(
      z.object({
        slug: slugRef,
        name: z.string(),
        lifecycle: lifecycleSchema,
        team: slugRef.nullable(),
        focus: z.boolean().meta({ description: "What the graph is about." }),
      }),
    ),
    edges: z.array(
      z.object({
        consumer: slugRef,
        provider: slugRef,
        evidence: z.array(z.enum(["declared", "observed"])),
        operations: z.union([z.int().min(0), z.literal("all")]).meta({ description: "Operations declared (`all`: the whole API) or seen." }),
      }),
    ),
    truncated: z.boolean().meta({ description: "More services were within reach than a graph shows (120)." }),
  })
  .meta({ id: "ServiceGraph" });

export const serviceOperationsSchema = z
  .object({
    version: z.object({ version: z.string(), revision: z.int().min(1) }).nullable(),
    items: z.array(z.object({ method: z.string(), path: z.string(), operationId: z.string().nullable(), summary: z.string(), deprecated: z.boolean() })),
  })
  .meta({ id: "ServiceOperations" });

export const watchesSchema = z
  .object({
    items: z.array(z.object({ service: z.object({ slug: slugRef, name: z.string() }), since: isoDate })),
    feed: z.string().meta({ description: "The person's Atom feed of the watched services' changes (a private link: it carries a key)." }),
  })
  .meta({ id: "Watches" });
