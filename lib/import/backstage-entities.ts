import { z } from "zod";

/** Backstage's entity reference (`group:default/payments`, `payments`) → the bare name and kind. */
export function parseEntityRef(ref: string, defaultKind: string): { kind: string; name: string } {
  const match = /^(?:([a-z]+):)?(?:[^/]+\/)?(.+)$/i.exec(ref.trim());
  return { kind: (match?.[1] ?? defaultKind).toLowerCase(), name: (match?.[2] ?? ref).toLowerCase() };
}

const metadata = z.object({
  name: z.string().min(1, "metadata.name is required"),
  title: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  links: z.array(z.object({ url: z.string(), title: z.string().optional() })).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

export const backstageEntitySchema = z.discriminatedUnion("kind", [
  z.object({
    apiVersion: z.string(),
    kind: z.literal("Group"),
    metadata,
    spec: z
      .object({ type: z.string().optional(), profile: z.object({ displayName: z.string().optional(), email: z.string().optional() }).optional() })
      .optional(),
  }),
  z.object({
    apiVersion: z.string(),
    kind: z.literal("Component"),
    metadata,
    spec: z.object({
      type: z.string().optional(),
      lifecycle: z.string(),
      owner: z.string(),
      system: z.string().optional(),
      providesApis: z.array(z.string()).optional(),
      consumesApis: z.array(z.string()).max(200).optional(),
    }),
  }),
  z.object({
    apiVersion: z.string(),
    kind: z.literal("API"),
    metadata,
    spec: z.object({
      type: z.string(),
      lifecycle: z.string(),
      owner: z.string(),
      system: z.string().optional(),
      definition: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    }),
  }),
  z.object({ apiVersion: z.string(), kind: z.literal("System"), metadata, spec: z.object({ owner: z.string().optional() }).optional() }),
]);

export type BackstageEntity = z.infer<typeof backstageEntitySchema>;
