import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { portalTemplates } from "@/lib/templates/portal-templates";
import { summarizeTemplate } from "@/lib/templates/template-summary";

export const GET = defineRoute(operations.listTemplates, async ({ reply }) => reply({ items: [...portalTemplates().values()].map(summarizeTemplate) }));
