import { operations } from "@/lib/api/contract/operations";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.getOpenApiDocument, async ({ reply }) => reply({ ...wayfinderOpenApiDocument }));
