import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { findTemplate } from "@/lib/templates/portal-templates";

export const GET = defineRoute(operations.getTemplate, async ({ params: { name }, reply }) => reply(findTemplate(name)));
