import { AppError } from "@/lib/platform/errors";
import { apiRoute } from "@/lib/api/api-route";

// Unknown API paths answer in the error shape rather than with the HTML 404 page.
const notARoute = apiRoute("/api/v1/* (no such route)", async (request) => {
  throw new AppError("NOT_FOUND", `No API route ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`);
});

export { notARoute as GET, notARoute as POST, notARoute as PUT, notARoute as PATCH, notARoute as DELETE };
