import { z } from "zod";
import { SLO_IDS } from "@/lib/insights/measure-slos";

const figure = {
  count: z.int().meta({ description: "How many measurements: people, versions, endpoints or releases." }),
  p50: z.number(),
  p90: z.number(),
  mean: z.number(),
};

const entityFigure = z.object({ slug: z.string(), name: z.string(), ...figure, met: z.boolean() });

export const dxSlosSchema = z
  .object({
    windowDays: z.int(),
    generatedAt: z.iso.datetime(),
    slos: z.array(
      z
        .object({
          id: z.enum(SLO_IDS),
          title: z.string(),
          unit: z.enum(["seconds", "defects"]),
          statistic: z
            .enum(["p90", "mean"])
            .meta({ description: "What is held to the target: the 90th percentile of times, the mean of defects per release." }),
          target: z.number().meta({ description: "From governance/slos.yaml, in `unit`." }),
          company: z.object(figure).nullable().meta({ description: "null when nothing was measured in the window." }),
          met: z.boolean().nullable(),
          trend: z
            .array(z.object({ weekStart: z.iso.date(), count: z.int(), value: z.number().nullable() }))
            .meta({ description: "Week by week, oldest first, the statistic over that week's measurements; null for a week without any." }),
          teams: z.array(entityFigure).meta({ description: "Each owning team over its services' measurements, furthest from the target first." }),
          services: z.array(entityFigure).meta({ description: "Furthest from the target first." }),
        })
        .meta({ id: "DxSlo" }),
    ),
    releases: z
      .array(
        z.object({
          slug: z.string(),
          name: z.string(),
          version: z.string(),
          revision: z.int(),
          publishedAt: z.iso.datetime(),
          checked: z.int().meta({ description: "Exchanges checked by every source." }),
          defects: z.int(),
        }),
      )
      .meta({ description: "The checked releases behind the defects figure, most defects first (at most 200)." }),
  })
  .meta({
    id: "DxSlos",
    description:
      "The developer-experience SLOs over the last 90 days: time to first successful call, docs freshness, time to a new endpoint and serialization defects per release, each beside its target.",
  });

export const endpointSightingsRecordedSchema = z
  .object({ seen: z.int(), new: z.int().meta({ description: "Operations not seen before; the others keep their first sighting." }) })
  .meta({ id: "EndpointSightingsRecorded" });
