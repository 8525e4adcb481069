import { z } from "zod";
import * as r from "./response-schemas";

/** What an operation declares, and the parts the domains' operation lists share (errors, parameters). */

export type Access = "read" | "change" | "session";

export interface Response {
  description: string;
  schema?: z.ZodType;
  /** The media type of `schema` when it is not JSON (a zip). */
  mediaType?: string;
  headers?: Record<string, { description?: string; schema: z.ZodType }>;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  /** read: open unless WAYFINDER_REQUIRE_SIGNIN; change: a token or a session; session: a signed-in person. */
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body, exactly as the handler validates it. */
  body?: z.ZodType;
  /** Bodies in other media types (documents, bundles, YAML), checked by their own pipelines. */
  otherBodies?: Record<string, z.ZodType>;
  responses: Record<number, Response>;
}

export const slug = (what: string) => r.slugRef.meta({ description: `The ${what}'s slug.` });
export const serviceParams = z.object({ slug: slug("service") });
export const teamParams = z.object({ slug: slug("team") });

/** Generic, so that each response keeps its schema's type: `defineRoute`'s `reply` is typed by it. */
export const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, schema });
export const error = (description: string): Response => ({ description, schema: r.errorSchema });
export const changeErrors = {
  400: error("The body is not JSON, or a field is invalid; `details.issues` names each."),
  401: error("No session and no API token, or the token is invalid, revoked or expired."),
  403: error("Signed in, but not allowed to make this change (or the portal's CSRF header is missing)."),
  429: error("Too many failed token authentications from this client; see `Retry-After`."),
};
export const authErrors = { 401: changeErrors[401], 403: changeErrors[403] };
export const noService = { 404: error("No service has this slug.") };

/** The bodies a published description comes in: one JSON or YAML document, or a bundle of files. */
export const documentBodies = (document: string) => ({
  "application/json": z.record(z.string(), z.unknown()).meta({ description: document }),
  "application/yaml": z.string(),
  "application/vnd.wayfinder.bundle+json": z.object({ root: z.string(), files: z.record(z.string(), z.string()) }),
});
export const noTeam = { 404: error("No team has this slug.") };
export const noTemplate = { 404: error("No template has this name.") };
export const badQuery = { 400: error("A query parameter is malformed; `details.issues` names it.") };
export const templateParams = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .meta({ description: "The template's name." }),
});
