import { apiRoute } from "@/lib/http/api-route";
import { findTemplate } from "@/lib/templates/portal-templates";

export const GET = apiRoute<{ name: string }>(async (_request, { name }) => Response.json(findTemplate(name)));
