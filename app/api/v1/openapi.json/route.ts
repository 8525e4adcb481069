import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async () => Response.json(wayfinderOpenApiDocument));
