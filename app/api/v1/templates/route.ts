import { apiRoute } from "@/lib/http/api-route";
import { portalTemplates } from "@/lib/templates/portal-templates";
import { summarizeTemplate } from "@/lib/templates/template-summary";

export const GET = apiRoute(async () => Response.json({ items: [...portalTemplates().values()].map(summarizeTemplate) }));
